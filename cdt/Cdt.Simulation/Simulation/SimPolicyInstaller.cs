using System.Collections.Concurrent;
using System.Globalization;
using Cdt.Execution.Policy;
using Cdt.Fleet;

namespace Cdt.Simulation;

/// <summary>
/// The management server's policy installation on simulated time: a task that runs for
/// <see cref="Duration"/> and then succeeds, or fails when a member of the unit has the
/// <c>policy_install_fails</c> fault. The task id carries its end and its outcome, so a restarted
/// cdt (a resume in a new process) follows the same task, as it would on a real server.
/// </summary>
public sealed class SimPolicyInstaller(TimeProvider time) : IPolicyInstaller
{
    private readonly ConcurrentQueue<string> _starts = new();
    private int _tasks;

    /// <summary>How long a simulated installation runs.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The units an installation was started for, in order (a test counts them).</summary>
    public IReadOnlyCollection<string> Starts => _starts;

    public Task<string?> PrepareAsync(IReadOnlyList<string> objects, string? package, CancellationToken ct) => Task.FromResult<string?>(null);

    public Task<PolicyStart> StartAsync(PolicyRequest request, CancellationToken ct)
    {
        _starts.Enqueue(request.Unit);
        var fails = request.Members.FirstOrDefault(m => m.Simulation.Has(Fault.PolicyInstallFails))?.Name;
        var ends = (time.GetUtcNow() + Duration).ToUnixTimeSeconds();
        var n = Interlocked.Increment(ref _tasks);
        var id = string.Create(CultureInfo.InvariantCulture, $"sim-{n}-{ends}") + (fails is null ? string.Empty : "-" + fails);
        return Task.FromResult(PolicyStart.Of(id, request.Package ?? "Standard"));
    }

    public Task<PolicyProgress> ShowAsync(string taskId, CancellationToken ct)
    {
        var parts = taskId.Split('-', 4);
        if (parts.Length < 3 || parts[0] != "sim" || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ends))
        {
            return Task.FromResult(PolicyProgress.Failed($"task {taskId} is not one the simulator started"));
        }

        if (time.GetUtcNow().ToUnixTimeSeconds() < ends)
        {
            return Task.FromResult(PolicyProgress.Running("in progress"));
        }

        return Task.FromResult(parts.Length == 4
            ? PolicyProgress.Failed($"Policy installation failed on {parts[3]} (simulated fault policy_install_fails)")
            : PolicyProgress.Succeeded("succeeded"));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
