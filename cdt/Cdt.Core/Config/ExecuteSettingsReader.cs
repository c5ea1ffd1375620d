using System.Globalization;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using YamlDotNet.RepresentationModel;

namespace Cdt.Config;

/// <summary>Reads the <c>execute</c> section of cdt.conf.</summary>
public static class ExecuteSettingsReader
{
    private static readonly Dictionary<string, DeadlinePolicy> Policies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["strict"] = DeadlinePolicy.Strict,
        ["predict"] = DeadlinePolicy.Predict,
    };

    /// <summary>The spellings of <c>install_policy</c>, as the manual gives them.</summary>
    public static readonly IReadOnlyDictionary<string, PolicyInstall> PolicyInstalls = new Dictionary<string, PolicyInstall>(StringComparer.OrdinalIgnoreCase)
    {
        ["none"] = PolicyInstall.None,
        ["access"] = PolicyInstall.Access,
        ["access+threat"] = PolicyInstall.AccessThreat,
        ["all"] = PolicyInstall.All,
    };

    public static ExecuteSettings Read(YamlMap? m, Func<string, string> resolve, string? baseDirectory)
    {
        var d = new ExecuteSettings();
        var defaultLogs = baseDirectory is null ? d.LogsDir : resolve(d.LogsDir);
        if (m is null)
        {
            return d with { LogsDir = defaultLogs };
        }

        var result = new ExecuteSettings
        {
            MaxParallel = m.Int("max_parallel", 1) ?? d.MaxParallel,
            Deadline = m.Timestamp("deadline"),
            DeadlinePolicy = m.Enum("deadline_policy", Policies) ?? d.DeadlinePolicy,
            Estimate = m.PositiveDuration("estimate") ?? d.Estimate,
            StopAfterFailures = Budget(m, "stop_after_failures"),
            BatchStopAfterFailures = Budget(m, "batch_stop_after_failures"),
            ApproveAfter = BatchNumbers(m, "approve_after"),
            ContinueAfterFailedBatch = m.Bool("continue_after_failed_batch") ?? d.ContinueAfterFailedBatch,
            MaxNodesPerCluster = m.Int("max_nodes_per_cluster", 1) ?? d.MaxNodesPerCluster,
            CommandTimeout = m.PositiveDuration("command_timeout") ?? d.CommandTimeout,
            TransferTimeout = m.PositiveDuration("transfer_timeout") ?? d.TransferTimeout,
            InstallTimeout = m.PositiveDuration("install_timeout") ?? d.InstallTimeout,
            ExpectedReboot = m.PositiveDuration("expected_reboot") ?? d.ExpectedReboot,
            RebootTimeout = m.PositiveDuration("reboot_timeout") ?? d.RebootTimeout,
            FailoverTimeout = m.PositiveDuration("failover_timeout") ?? d.FailoverTimeout,
            PollInterval = m.PositiveDuration("poll_interval") ?? d.PollInterval,
            StatusInterval = m.PositiveDuration("status_interval") ?? d.StatusInterval,
            Soak = HealthSettingsReader.Soak(m) ?? d.Soak,
            InstallPolicy = m.Enum("install_policy", PolicyInstalls),
            PolicyPackage = PolicyPackage(m),
            PolicyTimeout = m.PositiveDuration("policy_timeout") ?? d.PolicyTimeout,
            LogsDir = m.String("logs_dir") is { } logs ? resolve(logs) : defaultLogs,
        };
        m.RejectUnknownKeys("'execute'");
        return result;
    }

    /// <summary>
    /// CDT's default for <c>install_policy</c>: the Access Control and Threat Prevention policies
    /// when the inventory comes from the management server, none otherwise. A policy needs the
    /// Management API (or the simulator, which stands in for it).
    /// </summary>
    public static ExecuteSettings WithPolicyDefault(YamlMap? m, ExecuteSettings settings, bool management, TransportKind transport)
    {
        if (settings.InstallPolicy is not { } install)
        {
            return settings with { InstallPolicy = management ? PolicyInstall.AccessThreat : PolicyInstall.None, InstallPolicyDefaulted = true };
        }

        if (install != PolicyInstall.None && !management && transport != TransportKind.Simulator && m is not null)
        {
            m.Error(m.Find("install_policy")!, $"'install_policy: {m.String("install_policy")}' needs 'inventory.management': cdt installs the policy through the Management API; configure the server there or set 'install_policy: none'");
        }

        return settings;
    }

    /// <summary>A policy package name as the Management API takes it: printable, one line.</summary>
    private static string? PolicyPackage(YamlMap m)
    {
        if (m.String("policy_package") is not { } name)
        {
            return null;
        }

        if (name.Trim().Length == 0 || name.Length > 256 || name.Any(char.IsControl))
        {
            m.Error(m.Find("policy_package")!, "'policy_package' must be the name of a policy package on the management server (one line, such as Standard)");
            return null;
        }

        return name.Trim();
    }

    /// <summary>A list of batch numbers (<c>[1, 3]</c>, or one number): each a whole number of at least 1, refused with its line otherwise.</summary>
    private static IReadOnlyList<int> BatchNumbers(YamlMap m, string key)
    {
        var node = m.Find(key);
        IEnumerable<YamlNode> items = node switch
        {
            null => [],
            YamlScalarNode { Value: null or "" or "~" or "null" } => [],
            YamlScalarNode one => [one],
            YamlSequenceNode seq => seq.Children,
            _ => [node],
        };
        var numbers = new SortedSet<int>();
        foreach (var item in items)
        {
            if (item is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1)
            {
                numbers.Add(n);
            }
            else
            {
                var shown = item is YamlScalarNode { Value: { } v } ? "'" + v + "'" : "a list or mapping";
                m.Error(item, $"'{key}' holds batch numbers after which the run waits for 'cdt approve' (whole numbers of at least 1, e.g. [1, 3]), not {shown}");
            }
        }

        return [.. numbers];
    }

    private static FailureBudget? Budget(YamlMap m, string key)
    {
        if (m.String(key) is not { } text)
        {
            return null;
        }

        var budget = FailureBudget.TryParse(text);
        if (budget is null)
        {
            m.Error(m.Find(key)!, $"'{key}' must be a whole number of at least 1 or a share of the targets such as 5%, not '{text}'");
        }

        return budget;
    }
}
