namespace Cdt.Execution;

/// <summary>
/// One step run on a target (send, import, install, a script, a plan action...). Steps check the
/// gateway's state before acting, so running one again after a crash does the right thing.
/// </summary>
public interface ITargetStep
{
    /// <summary>The step's name in journals and reports.</summary>
    string Name { get; }

    /// <summary>A failure of a critical step stops the target; a non-critical one is noted and the target goes on.</summary>
    bool Critical { get; }

    /// <summary>Never repeated once it completed, even on resume (pre-installation scripts).</summary>
    bool RunOnce { get; }

    /// <summary>
    /// The step may reboot the gateway (an install, a removal, a script exiting 222, a plan's
    /// reboot): after a kill while it ran, resume waits for a gateway that does not answer yet.
    /// </summary>
    bool MayReboot => false;

    Task<StepResult> RunAsync(TargetContext c, CancellationToken ct);
}
