using System.Text.RegularExpressions;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Fleet;

namespace Cdt.Config;

/// <summary>Reads the <c>ssh</c> section of cdt.conf; refuses passwords with a message saying what to use instead.</summary>
public static partial class SshSettingsReader
{
    private static readonly Dictionary<string, HostKeyPolicy> Policies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["strict"] = HostKeyPolicy.Strict,
        ["accept-new"] = HostKeyPolicy.AcceptNew,
    };

    private static readonly string[] SecretKeys = ["password", "passphrase", "pass", "secret"];

    [GeneratedRegex(@"^(?:(?<user>[A-Za-z0-9][A-Za-z0-9_.\-]{0,99})@)?(?<host>[A-Za-z0-9][A-Za-z0-9.\-]{0,252}|\[[0-9A-Fa-f:.]+\])(?::(?<port>\d{1,5}))?\z", RegexOptions.CultureInvariant)]
    private static partial Regex JumpHostShape();

    public static SshSettings Read(YamlMap? m, Func<string, string> resolve)
    {
        if (m is null)
        {
            return new SshSettings();
        }

        foreach (var key in SecretKeys.Where(m.Has))
        {
            m.Error(m.Find(key)!, $"'{key}' is not accepted: cdt never stores passwords; use 'identity_file' (a key) or an ssh-agent (SSH_AUTH_SOCK)");
        }

        var d = new SshSettings();
        var user = m.String("user");
        var port = m.Int("port", 1, 65535);
        var identity = Path(m, "identity_file", resolve);
        var knownHosts = Path(m, "known_hosts", resolve);
        var policy = m.Enum("host_key_policy", Policies);
        var jump = m.String("jump_host");
        var configFile = Path(m, "config_file", resolve);
        var connect = PositiveDuration(m, "connect_timeout");
        var persist = PositiveDuration(m, "control_persist");
        var maxOutput = m.Int("max_output", 1024);
        m.RejectUnknownKeys("'ssh' (user, port, identity_file, known_hosts, host_key_policy, jump_host, config_file, connect_timeout, control_persist, max_output)");

        if (user is not null && !Names.IsObjectName(user))
        {
            m.Error(m.Find("user")!, $"'{user}' is not a valid user name ({Names.ObjectNameRule})");
        }

        if (jump is not null && !IsJumpHost(jump))
        {
            m.Error(m.Find("jump_host")!, $"'jump_host' must be [user@]host[:port], for example admin@10.0.0.10:22, not '{Gaia.RemoteValues.Printable(jump)}'");
        }

        return new SshSettings
        {
            User = user,
            Port = port,
            IdentityFile = identity,
            KnownHosts = knownHosts,
            HostKeyPolicy = policy ?? d.HostKeyPolicy,
            JumpHost = jump,
            ConfigFile = configFile,
            ConnectTimeout = connect ?? d.ConnectTimeout,
            ControlPersist = persist ?? d.ControlPersist,
            MaxOutput = maxOutput ?? d.MaxOutput,
        };
    }

    public static bool IsJumpHost(string value)
    {
        var match = JumpHostShape().Match(value);
        return match.Success && (!match.Groups["port"].Success || int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 65535);
    }

    /// <summary>A path ssh will read: relative to cdt.conf, or <c>~/...</c> left for ssh to expand.</summary>
    private static string? Path(YamlMap m, string key, Func<string, string> resolve)
    {
        var text = m.String(key);
        if (text is null)
        {
            return null;
        }

        if (text.Any(c => c is '"' or '\'' or '\\' || char.IsControl(c)))
        {
            m.Error(m.Find(key)!, $"'{key}' must not contain quotes, backslashes or control characters");
            return null;
        }

        return text.StartsWith("~/", StringComparison.Ordinal) ? text : resolve(text);
    }

    private static TimeSpan? PositiveDuration(YamlMap m, string key)
    {
        var value = m.Duration(key);
        if (value is { } v && v < TimeSpan.FromSeconds(1))
        {
            m.Error(m.Find(key)!, $"'{key}' must be at least 1s");
            return null;
        }

        return value;
    }
}
