namespace Cdt.Execution;

/// <summary>Sees every event of a run after it is journaled (progress, status files, logs), and detail lines.</summary>
public interface IRunObserver
{
    void OnEvent(RunEvent e, RunState state);

    /// <summary>A detail line (a command and its answer) for the target's log; not journaled.</summary>
    void OnDetail(string? target, string text);
}
