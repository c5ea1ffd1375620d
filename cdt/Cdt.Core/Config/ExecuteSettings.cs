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

    /// <summary>
    /// Approval gates: after each of these batches the run stops and waits for <c>cdt approve</c>
    /// before the next batch starts (ascending, no duplicates; empty: no gate).
    /// </summary>
    public IReadOnlyList<int> ApproveAfter { get; init; } = [];

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

    /// <summary>
    /// How long to wait after each batch before the next, the batch's targets' health re-checked
    /// meanwhile (zero: no wait). Counts against the deadline.
    /// </summary>
    public TimeSpan Soak { get; init; }

    /// <summary>
    /// Policies installed on a unit after its package, through the management server; null when
    /// cdt.conf does not say (the loader then applies CDT's default, see <see cref="InstallPolicyDefaulted"/>).
    /// </summary>
    public PolicyInstall? InstallPolicy { get; init; }

    /// <summary>The loader chose <see cref="InstallPolicy"/> because cdt.conf did not: a run says so once.</summary>
    public bool InstallPolicyDefaulted { get; init; }

    /// <summary>
    /// The policy package installed (<c>install-policy</c>'s <c>policy-package</c>); null: each
    /// object's own, as the management server lists it.
    /// </summary>
    public string? PolicyPackage { get; init; }

    /// <summary>How long a policy installation may run on the management server before the unit counts as failed.</summary>
    public TimeSpan PolicyTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>The policies to install, <see cref="PolicyInstall.None"/> when not set.</summary>
    public PolicyInstall Policies => InstallPolicy ?? PolicyInstall.None;

    /// <summary>Where run folders go (logs/&lt;execution time&gt;/).</summary>
    public string LogsDir { get; init; } = "logs";
}
