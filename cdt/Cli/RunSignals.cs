using System.Runtime.InteropServices;
using Cdt.Execution;

namespace Cdt.Cli;

/// <summary>
/// The signals of a command that runs a fleet: Ctrl-C or SIGTERM stops softly (nothing new
/// starts, running targets finish), a second Ctrl-C stops at once, and SIGHUP is ignored, since a
/// dropped terminal must not kill a run: the real CDT's biggest complaint. Disposing restores the defaults.
/// </summary>
public sealed class RunSignals : IDisposable
{
    private readonly List<IDisposable> _registrations = [];
    private int _interrupts;

    private RunSignals(Action soft, Action hard, Action? onFirstInterrupt)
    {
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, s =>
        {
            s.Cancel = true;
            if (Interlocked.Increment(ref _interrupts) == 1)
            {
                soft();
                onFirstInterrupt?.Invoke();
            }
            else
            {
                hard();
            }
        }));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, s =>
        {
            s.Cancel = true;
            soft();
        }));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGHUP, s => s.Cancel = true));
    }

    /// <summary>For execute, resume, demo and prepare: steers <paramref name="control"/>; <paramref name="ct"/> cancelled aborts too.</summary>
    public static RunSignals For(RunControl control, TextWriter error, CancellationToken ct)
    {
        var signals = new RunSignals(control.RequestStop, control.Abort,
            () => error.WriteLine("cdt: stopping: nothing new starts, running targets finish; press Ctrl-C again to stop now"));
        signals._registrations.Add(ct.Register(control.Abort));
        return signals;
    }

    /// <summary>For the daemon: any stop is soft (a run in progress finishes its running targets, and resumes on restart within its window).</summary>
    public static RunSignals For(CancellationTokenSource stop) => new(stop.Cancel, stop.Cancel, null);

    public void Dispose()
    {
        foreach (var r in _registrations)
        {
            r.Dispose();
        }
    }
}
