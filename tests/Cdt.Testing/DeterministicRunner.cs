using System.Collections.Concurrent;

namespace Cdt.Tests.Support;

/// <summary>
/// Runs async code on one thread with a <see cref="ManualClock"/>: every continuation is queued
/// here; when nothing is left to run, the clock jumps to the next due timer. Concurrency inside
/// the code (parallel targets, batches) stays real, but the interleaving is exact and repeatable
/// and a simulated night takes milliseconds. The core must not hop to the thread pool
/// (no <c>ConfigureAwait(false)</c>, no <c>Task.Run</c>) for this to hold.
/// </summary>
public static class DeterministicRunner
{
    public static T Run<T>(ManualClock clock, Func<Task<T>> body, TimeSpan? simulatedLimit = null)
    {
        var previous = SynchronizationContext.Current;
        var context = new QueueContext();
        SynchronizationContext.SetSynchronizationContext(context);
        var deadline = simulatedLimit is { } l ? clock.GetUtcNow() + l : DateTimeOffset.MaxValue;
        try
        {
            var task = body();
            while (!task.IsCompleted)
            {
                if (context.TryRunOne())
                {
                    continue;
                }

                if (clock.NextDue is { } due)
                {
                    if (due > deadline)
                    {
                        throw new TimeoutException($"simulated time limit reached at {clock.GetUtcNow():O} with work still pending");
                    }

                    clock.AdvanceTo(due);
                    continue;
                }

                if (!context.WaitForWork(TimeSpan.FromSeconds(10)))
                {
                    throw new InvalidOperationException("deadlock: nothing to run, no timer pending, and the task is not complete");
                }
            }

            while (context.TryRunOne())
            {
            }

            return task.GetAwaiter().GetResult();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    public static void Run(ManualClock clock, Func<Task> body, TimeSpan? simulatedLimit = null) =>
        Run(clock, async () =>
        {
            await body();
            return true;
        }, simulatedLimit);

    private sealed class QueueContext : SynchronizationContext
    {
        private readonly BlockingCollection<(SendOrPostCallback, object?)> _queue = [];

        public override void Post(SendOrPostCallback d, object? state) => _queue.Add((d, state));

        public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("synchronous Send is not supported");

        public override SynchronizationContext CreateCopy() => this;

        public bool TryRunOne()
        {
            if (!_queue.TryTake(out var item))
            {
                return false;
            }

            item.Item1(item.Item2);
            return true;
        }

        public bool WaitForWork(TimeSpan timeout)
        {
            if (!_queue.TryTake(out var item, timeout))
            {
                return false;
            }

            item.Item1(item.Item2);
            return true;
        }
    }
}
