using System.Globalization;
using System.Text;
using Cdt.Config;

namespace Cdt.Transport.OpenSsh;

/// <summary>
/// Turns the <c>ssh</c> settings into what the OpenSSH client reads. Settings that must also reach
/// the jump host's connection (host-key checking, identity, time-outs) go into a private ssh_config
/// passed with <c>-F</c>, which ssh hands on to the ProxyJump hop; per-connection ones (control
/// socket, port, user, jump) go on the command line, where they win over every config file.
/// </summary>
public sealed class OpenSshOptions
{
    /// <summary>Keep-alive every 15 s, given up after 3 misses: a dead connection is noticed within 45 s.</summary>
    public const int ServerAliveInterval = 15;

    public const int ServerAliveCountMax = 3;

    private readonly SshSettings _settings;
    private readonly string _configPath;

    public OpenSshOptions(SshSettings settings, string configPath)
    {
        _settings = settings;
        _configPath = configPath;
    }

    public SshSettings Settings => _settings;

    /// <summary>The private ssh_config: cdt's settings first (the first value ssh reads wins), then the admin's files.</summary>
    public string ConfigFileText()
    {
        var sb = new StringBuilder();
        sb.Append("# Written by cdt for one run and removed at its end. cdt's settings come first: ssh keeps the first value it reads.\n");
        sb.Append("Host *\n");
        sb.Append("  BatchMode yes\n");
        sb.Append("  StrictHostKeyChecking ").Append(_settings.HostKeyPolicy == HostKeyPolicy.AcceptNew ? "accept-new" : "yes").Append('\n');
        if (_settings.KnownHosts is { } known)
        {
            sb.Append("  UserKnownHostsFile ").Append(Quote(known)).Append('\n');
        }

        if (_settings.IdentityFile is { } identity)
        {
            sb.Append("  IdentityFile ").Append(Quote(identity)).Append('\n');
            sb.Append("  IdentitiesOnly yes\n");
        }

        sb.Append("  PasswordAuthentication no\n");
        sb.Append("  KbdInteractiveAuthentication no\n");
        sb.Append("  ConnectTimeout ").Append(Seconds(_settings.ConnectTimeout)).Append('\n');
        sb.Append("  ServerAliveInterval ").Append(ServerAliveInterval.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("  ServerAliveCountMax ").Append(ServerAliveCountMax.ToString(CultureInfo.InvariantCulture)).Append('\n');
        if (_settings.ConfigFile is { } own)
        {
            sb.Append("Include ").Append(Quote(own)).Append('\n');
        }
        else
        {
            sb.Append("Include ~/.ssh/config\n");
            sb.Append("Include /etc/ssh/ssh_config\n");
        }

        return sb.ToString();
    }

    /// <summary>Opens the shared connection in the background once authenticated (<c>-f -N</c>).</summary>
    public IReadOnlyList<string> Master(Target t, string controlPath) =>
        [.. Common(t, controlPath), "-o", "ControlMaster=yes", "-o", "ControlPersist=" + Seconds(_settings.ControlPersist), "-N", "-f", "--", t.Host];

    /// <summary>Runs one command over the shared connection (or a direct one if it is gone).</summary>
    public IReadOnlyList<string> Command(Target t, string controlPath, string command) =>
        [.. Common(t, controlPath), "-o", "ControlMaster=no", "-T", "--", t.Host, command];

    /// <summary>Asks the shared connection to close.</summary>
    public IReadOnlyList<string> Exit(Target t, string controlPath) =>
        [.. Common(t, controlPath), "-O", "exit", "--", t.Host];

    private List<string> Common(Target t, string controlPath)
    {
        var args = new List<string> { "-F", _configPath, "-o", "ControlPath=" + controlPath };
        if ((t.Port ?? _settings.Port) is { } port)
        {
            args.Add("-p");
            args.Add(port.ToString(CultureInfo.InvariantCulture));
        }

        if ((t.User ?? _settings.User) is { } user)
        {
            args.Add("-l");
            args.Add(user);
        }

        if (_settings.JumpHost is { } jump)
        {
            args.Add("-J");
            args.Add(jump);
        }

        return args;
    }

    private static string Seconds(TimeSpan t) => ((int)Math.Ceiling(t.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static string Quote(string path) => "\"" + path + "\"";
}
