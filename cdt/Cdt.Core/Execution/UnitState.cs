namespace Cdt.Execution;

/// <summary>One unit (gateway or cluster) as the journal tells it: its phase and, for clusters, each member's state.</summary>
public sealed class UnitState
{
    public required string Name { get; init; }

    public required int Batch { get; init; }

    public string Phase { get; set; } = "waiting";

    public string? Outcome { get; set; }

    public bool Started { get; set; }

    public bool Finished { get; set; }

    /// <summary>How the package part ended, when a policy installation follows it.</summary>
    public string? PackageOutcome { get; set; }

    /// <summary>The policy installation: null before it starts, then running, succeeded or failed.</summary>
    public string? PolicyStatus { get; set; }

    /// <summary>The management server's task of the policy installation, once it gave one.</summary>
    public string? PolicyTask { get; set; }

    public string? PolicyPackage { get; set; }

    /// <summary>The policy installation's outcome as people read it.</summary>
    public string? PolicyMessage { get; set; }

    /// <summary>The phases reached so far (the choreography resumes from them).</summary>
    public List<string> Phases { get; } = [];
}
