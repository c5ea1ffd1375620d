using Cdt.Candidates;
using Cdt.Config;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Candidates;

public class BatchAssignerTests
{
    [TestCase(BatchPolicy.Canary, 3, new[] { 1, 1, 1, 1, 1 }, new[] { true, true, true, true, true }, new[] { 1, 2, 2, 2, 3 }, TestName = "{m}(canary, then batches of three)")]
    [TestCase(BatchPolicy.Canary, 3, new[] { 2, 1, 3 }, new[] { false, true, false }, new[] { 2, 1, 3 }, TestName = "{m}(the canary is the first standalone gateway)")]
    [TestCase(BatchPolicy.Canary, 3, new[] { 2, 3 }, new[] { false, false }, new[] { 1, 2 }, TestName = "{m}(a cluster is the canary when there is no standalone gateway)")]
    [TestCase(BatchPolicy.Canary, 3, new[] { 1, 5, 1, 1 }, new[] { true, false, true, true }, new[] { 1, 2, 3, 3 }, TestName = "{m}(a cluster bigger than the batch size gets a batch of its own)")]
    [TestCase(BatchPolicy.Canary, 10, new[] { 4 }, new[] { false }, new[] { 1 }, TestName = "{m}(one unit alone)")]
    [TestCase(BatchPolicy.Fixed, 2, new[] { 1, 1, 1, 2, 1 }, new[] { true, true, true, false, true }, new[] { 1, 1, 2, 3, 4 }, TestName = "{m}(fixed: no canary)")]
    [TestCase(BatchPolicy.Fixed, 1, new[] { 1, 2, 1 }, new[] { true, false, true }, new[] { 1, 2, 3 }, TestName = "{m}(batch size one)")]
    [TestCase(BatchPolicy.Single, 2, new[] { 1, 3, 1 }, new[] { true, false, true }, new[] { 1, 1, 1 }, TestName = "{m}(single: everything in batch one)")]
    [TestCase(BatchPolicy.Canary, 2, new int[0], new bool[0], new int[0], TestName = "{m}(nothing eligible)")]
    public void UnitsGetTheirBatchNumbers(BatchPolicy policy, int batchSize, int[] sizes, bool[] standalone, int[] expected) =>
        BatchAssigner.Assign(sizes, standalone, policy, batchSize).ShouldBe(expected);
}
