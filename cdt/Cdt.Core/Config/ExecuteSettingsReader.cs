using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;

namespace Cdt.Config;

/// <summary>Reads the <c>execute</c> section of cdt.conf.</summary>
public static class ExecuteSettingsReader
{
    private static readonly Dictionary<string, DeadlinePolicy> Policies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["strict"] = DeadlinePolicy.Strict,
        ["predict"] = DeadlinePolicy.Predict,
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
            LogsDir = m.String("logs_dir") is { } logs ? resolve(logs) : defaultLogs,
        };
        m.RejectUnknownKeys("'execute'");
        return result;
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
