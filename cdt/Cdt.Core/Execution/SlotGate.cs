namespace Cdt.Execution;

/// <summary>
/// A first-come first-served gate of weighted slots: a cluster takes as many slots as it has
/// members, so <c>max_parallel</c> bounds gateways, not units. A request never waits behind a
/// later one, so a big cluster is not starved by small gateways.
/// </summary>
public sealed class SlotGate
{
    private readonly object _gate = new();
    private readonly LinkedList<(int Slots, TaskCompletionSource Ready)> _waiting = new();
    private int _free;

    public SlotGate(int capacity)
    {
        Capacity = Math.Max(1, capacity);
        _free = Capacity;
    }

    public int Capacity { get; }

    public int InUse
    {
        get
        {
            lock (_gate)
            {
                return Capacity - _free;
            }
        }
    }

    public Task AcquireAsync(int slots, CancellationToken ct)
    {
        slots = Math.Clamp(slots, 1, Capacity);
        lock (_gate)
        {
            if (_waiting.Count == 0 && _free >= slots)
            {
                _free -= slots;
                return Task.CompletedTask;
            }

            var ready = new TaskCompletionSource();
            var node = _waiting.AddLast((slots, ready));
            ct.Register(() =>
            {
                lock (_gate)
                {
                    if (node.List is not null)
                    {
                        _waiting.Remove(node);
                        ready.TrySetCanceled(ct);
                    }
                }
            });
            return ready.Task;
        }
    }

    public void Release(int slots)
    {
        slots = Math.Clamp(slots, 1, Capacity);
        var wake = new List<TaskCompletionSource>();
        lock (_gate)
        {
            _free += slots;
            while (_waiting.First is { } first && first.Value.Slots <= _free)
            {
                _free -= first.Value.Slots;
                _waiting.RemoveFirst();
                wake.Add(first.Value.Ready);
            }
        }

        foreach (var w in wake)
        {
            w.TrySetResult();
        }
    }
}
