using Cdt.Execution;

namespace Cdt.Tests.Execution;

/// <summary>Runs an action on every run event, as it happens (injects a fault at a chosen moment).</summary>
public sealed class EventHook(Action<RunEvent> onEvent) : IRunObserver
{
    public void OnEvent(RunEvent e, RunState state) => onEvent(e);

    public void OnDetail(string? target, string text)
    {
    }
}
