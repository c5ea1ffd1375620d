using Cdt.Config;

namespace Cdt.Execution;

/// <summary>Everything an execute (or resume) needs, resolved from the command line and cdt.conf.</summary>
public sealed record ExecuteRequest
{
    public required CdtConfig Config { get; init; }

    public required string ListPath { get; init; }

    /// <summary>The steps run on each target (Basic: from cdt.conf; Advanced: from the plan).</summary>
    public required IReadOnlyList<ITargetStep> Steps { get; init; }

    public PackageSpec? Package { get; init; }

    public string? PlanPath { get; init; }

    /// <summary>--deadline: wins over cdt.conf.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>Continue the latest run of this list (or this run folder) instead of starting a new one.</summary>
    public bool Resume { get; init; }

    public string? ResumeFolder { get; init; }

    public bool RetryFailed { get; init; }

    /// <summary><c>--pause-after-batch</c>: approval gates added to those of cdt.conf (or of the resumed run).</summary>
    public IReadOnlyList<int> PauseAfterBatch { get; init; } = [];

    /// <summary><c>cdt approve</c>: the run must be waiting at a gate; this approval is journaled, then the run resumes.</summary>
    public Approval? Approval { get; init; }

    /// <summary><c>--uninstall</c>: remove the package instead of installing it (same batches, same choreographies).</summary>
    public bool Uninstall { get; init; }

    /// <summary>A plan that installs nothing and uninstalls a package: like <see cref="Uninstall"/>, it needs a list generated for removal.</summary>
    public bool PlanRemovesPackage { get; init; }

    /// <summary>Whether the list must have been generated for removing the package (<c>cdt generate --uninstall</c>, or the same plan).</summary>
    public bool NeedsRemovalList => Uninstall || PlanRemovesPackage;

    /// <summary>The NLog configuration file, if any (config/NLog.config next to cdt.conf).</summary>
    public string? LogConfig { get; init; }
}
