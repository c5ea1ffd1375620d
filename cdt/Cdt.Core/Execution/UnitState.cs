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

    /// <summary>The phases reached so far (the choreography resumes from them).</summary>
    public List<string> Phases { get; } = [];
}
