using System.Collections.Concurrent;
using Cdt.Execution.Policy;
using Cdt.Simulation;

namespace Cdt.Tests.Execution;

/// <summary>
/// The simulator's policy installer, counted: what each installation asked for, and a refusal a
/// test can switch on (a locked object, say). A run killed before it sends anything sends nothing.
/// One instance lives across a run and its resumes, as a management server does.
/// </summary>
public sealed class CountingPolicyInstaller(TimeProvider time) : IPolicyInstaller
{
    private readonly SimPolicyInstaller _simulator = new(time);
    private readonly ConcurrentQueue<PolicyRequest> _requests = new();

    public IReadOnlyCollection<PolicyRequest> Requests => _requests;

    public IReadOnlyList<string> Starts => [.. _requests.Select(r => r.Unit)];

    /// <summary>When set, every installation is refused with this reason.</summary>
    public string? Refusal { get; set; }

    /// <summary>When set, starting an installation throws: a bug inside cdt, not a refusal.</summary>
    public bool Breaks { get; set; }

    /// <summary>When set, the run is refused before it starts, with this line.</summary>
    public string? NotReady { get; set; }

    public Task<string?> PrepareAsync(IReadOnlyList<string> objects, string? package, CancellationToken ct) => Task.FromResult(NotReady);

    public async Task<PolicyStart> StartAsync(PolicyRequest request, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (Breaks)
        {
            throw new InvalidOperationException("the installer broke");
        }

        if (Refusal is { } refusal)
        {
            return PolicyStart.Refused(refusal);
        }

        _requests.Enqueue(request);
        return await _simulator.StartAsync(request, ct);
    }

    public Task<PolicyProgress> ShowAsync(string taskId, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return _simulator.ShowAsync(taskId, ct);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
