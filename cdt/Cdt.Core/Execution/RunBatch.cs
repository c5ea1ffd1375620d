namespace Cdt.Execution;

/// <summary>The units sharing one batch number; they run in parallel.</summary>
public sealed record RunBatch(int Number, IReadOnlyList<RunUnit> Units)
{
    public int TargetCount => Units.Sum(u => u.Targets.Count);
}
