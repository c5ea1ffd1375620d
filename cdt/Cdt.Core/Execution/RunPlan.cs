using Cdt.Candidates;

namespace Cdt.Execution;

/// <summary>A validated list resolved against the inventory: batches in ascending order, each a set of units.</summary>
public sealed record RunPlan(IReadOnlyList<RunBatch> Batches, IReadOnlyList<CandidateRow> Rows)
{
    public IEnumerable<RunUnit> Units => Batches.SelectMany(b => b.Units);

    public IEnumerable<RunTarget> Targets => Units.SelectMany(u => u.Targets);
}
