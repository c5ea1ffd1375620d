using Cdt.Config;

namespace Cdt.Candidates;

/// <summary>
/// Numbers batches under a policy. A unit (a standalone gateway, or the eligible members of one
/// cluster or Security Group) is never split. Canary: one unit alone in batch 1, a standalone
/// gateway if there is one; then batches of at most <c>batch_size</c> gateways, a unit bigger than
/// that getting a batch of its own.
/// </summary>
public static class BatchAssigner
{
    /// <summary>Returns the batch number of each unit, in the order given.</summary>
    public static IReadOnlyList<int> Assign(IReadOnlyList<int> unitSizes, IReadOnlyList<bool> unitIsStandalone, BatchPolicy policy, int batchSize)
    {
        var batches = new int[unitSizes.Count];
        if (unitSizes.Count == 0)
        {
            return batches;
        }

        if (policy == BatchPolicy.Single)
        {
            Array.Fill(batches, 1);
            return batches;
        }

        var next = 1;
        var canary = -1;
        if (policy == BatchPolicy.Canary && unitSizes.Count > 1)
        {
            canary = Enumerable.Range(0, unitSizes.Count).FirstOrDefault(i => unitIsStandalone[i], 0);
            batches[canary] = 1;
            next = 2;
        }

        var current = next;
        var filled = 0;
        for (var i = 0; i < unitSizes.Count; i++)
        {
            if (i == canary)
            {
                continue;
            }

            if (filled > 0 && filled + unitSizes[i] > batchSize)
            {
                current++;
                filled = 0;
            }

            batches[i] = current;
            filled += unitSizes[i];
        }

        return batches;
    }
}
