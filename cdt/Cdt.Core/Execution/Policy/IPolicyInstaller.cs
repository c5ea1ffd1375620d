namespace Cdt.Execution.Policy;

/// <summary>
/// The port to what installs a unit's policy after its package: the management server's
/// <c>install-policy</c> and <c>show-task</c>, or the simulator. Expected failures (a refused call,
/// a locked object, a server that does not answer) come back as values, never as exceptions; the
/// engine follows the task with the run's clock. Disposing ends any session it opened.
/// </summary>
public interface IPolicyInstaller : IAsyncDisposable
{
    /// <summary>
    /// Before the run touches anything: whether it can install on these objects (<paramref name="package"/>
    /// null: each object's own policy package); null when it can, else one line saying why not.
    /// </summary>
    Task<string?> PrepareAsync(IReadOnlyList<string> objects, string? package, CancellationToken ct);

    /// <summary>Starts the installation; the task id as soon as the server gives it, or why it would not start.</summary>
    Task<PolicyStart> StartAsync(PolicyRequest request, CancellationToken ct);

    /// <summary>One look at a task <see cref="StartAsync"/> started (in this run or before a restart).</summary>
    Task<PolicyProgress> ShowAsync(string taskId, CancellationToken ct);
}
