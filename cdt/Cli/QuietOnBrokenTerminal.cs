using Cdt.Execution;

namespace Cdt.Cli;

/// <summary>Stops writing progress once the terminal is gone, instead of failing the run.</summary>
public sealed class QuietOnBrokenTerminal(IRunObserver inner) : IRunObserver
{
    private bool _broken;

    public void OnEvent(RunEvent e, RunState state)
    {
        if (_broken)
        {
            return;
        }

        try
        {
            inner.OnEvent(e, state);
        }
        catch (IOException)
        {
            _broken = true;
        }
    }

    public void OnDetail(string? target, string text)
    {
    }
}
