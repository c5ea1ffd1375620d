namespace Cdt.ManagementEmulator;

/// <summary>Faults of <c>install-policy</c> a test switches on before cdt runs.</summary>
public sealed class PolicyFaults
{
    /// <summary>
    /// <c>install-policy</c> on these targets is refused because another session holds a lock:
    /// HTTP 409 with <c>generic_err_object_locked</c>, the API reference's error code for a locked
    /// object (the message wording is the emulator's own).
    /// </summary>
    public HashSet<string> LockedTargets { get; } = new(StringComparer.Ordinal);

    /// <summary>The task of an installation on these targets ends <c>failed</c>, with a <c>statusDescription</c> saying why.</summary>
    public HashSet<string> FailingTargets { get; } = new(StringComparer.Ordinal);

    /// <summary>The task of an installation on these targets stays <c>in progress</c> for ever.</summary>
    public HashSet<string> EndlessTargets { get; } = new(StringComparer.Ordinal);

    /// <summary>The status a task on this target ends with instead of <c>succeeded</c>, such as <c>succeeded with warnings</c> or <c>partially succeeded</c>.</summary>
    public Dictionary<string, string> FinalStatus { get; } = new(StringComparer.Ordinal);

    /// <summary>How many <c>show-task</c> calls see a task <c>in progress</c> before it ends.</summary>
    public int PollsInProgress { get; set; } = 1;

    public void Clear()
    {
        LockedTargets.Clear();
        FailingTargets.Clear();
        EndlessTargets.Clear();
        FinalStatus.Clear();
        PollsInProgress = 1;
    }
}
