namespace Cdt.Config;

/// <summary>The <c>execute</c> section of cdt.conf: parallelism, deadline, failure policy, time-outs.</summary>
public sealed record ExecuteSettings
{
    /// <summary>At most this many gateways busy at once; a cluster counts as its members.</summary>
    public int MaxParallel { get; init; } = 20;

    /// <summary>No batch starts at or after this instant.</summary>
    public DateTimeOffset? Deadline { get; init; }

    public DeadlinePolicy DeadlinePolicy { get; init; } = DeadlinePolicy.Strict;

    /// <summary>Per-target duration assumed when no earlier run measured one (deadline_policy: predict, dry run).</summary>
    public TimeSpan Estimate { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Start nothing new once this many (or this share) of the run's targets have failed (null: no limit).</summary>
    public FailureBudget? StopAfterFailures { get; init; }

    /// <summary>Start nothing new in a batch once this many (or this share) of its targets have failed (null: no limit).</summary>
    public FailureBudget? BatchStopAfterFailures { get; init; }

    /// <summary>Whether the next batch starts after a batch with a failure (default: no).</summary>
    public bool ContinueAfterFailedBatch { get; init; }

    /// <summary>Cluster members installed at the same time (standby members; never all of them).</summary>
    public int MaxNodesPerCluster { get; init; } = 1;

    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromMinutes(2);

    public TimeSpan TransferTimeout { get; init; } = TimeSpan.FromMinutes(30);

    public TimeSpan InstallTimeout { get; init; } = TimeSpan.FromMinutes(90);

    /// <summary>How long a reboot is expected to take: waited out before polling starts.</summary>
    public TimeSpan ExpectedReboot { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Give up on a gateway that is not back this long after its reboot started.</summary>
    public TimeSpan RebootTimeout { get; init; } = TimeSpan.FromMinutes(30);

    public TimeSpan FailoverTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The status files are rewritten at most this often (real time), and at every batch boundary.</summary>
    public TimeSpan StatusInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Where run folders go (logs/&lt;execution time&gt;/).</summary>
    public string LogsDir { get; init; } = "logs";
}
