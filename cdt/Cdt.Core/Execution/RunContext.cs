using System.Collections.Concurrent;
using Cdt.Config;
using Cdt.Gaia;

using Cdt.Storage;

namespace Cdt.Execution;

/// <summary>What every part of a run shares: settings, the driver, the clock, the recorder, the run folder.</summary>
public sealed record RunContext
{
    public required ExecuteSettings Settings { get; init; }

    public required GaiaDriver Driver { get; init; }

    public required TimeProvider Time { get; init; }

    /// <summary>Local files: packages and scripts to send, files pulled into the run folder.</summary>
    public required IFileStore Files { get; init; }

    public required RunRecorder Recorder { get; init; }

    /// <summary>The steps run on every target (Basic mode: built from cdt.conf; Advanced: from the plan).</summary>
    public required IReadOnlyList<ITargetStep> Steps { get; init; }

    /// <summary>The package the run installs (Basic mode, or the plan's first package action).</summary>
    public PackageSpec? Package { get; init; }

    public required string RunFolder { get; init; }

    /// <summary>This attempt continues an earlier one (<c>cdt resume</c>): after the deadline, no unit starts that the earlier attempts had not started.</summary>
    public bool Resumed { get; init; }

    /// <summary>Re-run targets that failed in an earlier attempt of this run.</summary>
    public bool RetryFailed { get; init; }

    /// <summary><c>--uninstall</c>: the run removes the package; "done" means the package is gone.</summary>
    public bool Uninstall { get; init; }

    /// <summary>
    /// The run removes a package, by <c>--uninstall</c> or by a plan that only uninstalls: units that
    /// run their own commands instead of the steps (active/passive pairs) run their uninstall.
    /// </summary>
    public bool RemovesPackage { get; init; }

    /// <summary>Keep connections through a cluster version upgrade (Multi-Version Cluster).</summary>
    public bool ConnectivityUpgrade { get; init; }

    /// <summary>How Security Groups are split into logical groups and waited for.</summary>
    public SecurityGroupSettings SecurityGroups { get; init; } = new();

    /// <summary>Defaults for active/passive pairs (commands, rounds, sync time-out).</summary>
    public ActivePassiveSettings ActivePassive { get; init; } = new();

    /// <summary>Health snapshots and what a regression does; off unless the run's configuration turns it on.</summary>
    public HealthSettings Health { get; init; } = new();

    /// <summary><c>clusters.soak</c>: how long an upgraded member carries the traffic alone before the former active is touched.</summary>
    public TimeSpan ClusterSoak { get; init; }

    /// <summary>The policy installed on each unit after its package; null when the run installs none.</summary>
    public Policy.PolicyRun? Policy { get; init; }

    /// <summary>Local files' MD5 checksums, computed once per run.</summary>
    public ConcurrentDictionary<string, string> LocalChecksums { get; } = new(StringComparer.Ordinal);

    public RunState State => Recorder.State;

    /// <summary>A unit has work while a target has, or while its choreography started and never finished (a crash mid-failover).</summary>
    public bool NeedsWork(RunUnit unit) =>
        unit.Targets.Any(NeedsWork) || State.Read(s => s.Units[unit.Name] is { Started: true, Finished: false });

    /// <summary>Whether a target still has work in this run: not succeeded; failed only with --retry-failed.</summary>
    public bool NeedsWork(RunTarget t) => State.Read(s => s.Targets[t.Name].Status) switch
    {
        TargetStatus.Succeeded => false,
        TargetStatus.Failed => RetryFailed,
        _ => true,
    };

    public Task Delay(TimeSpan d, CancellationToken ct) => d <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(d, Time, ct);
}
