namespace Cdt.Execution;

/// <summary>
/// How the operator steers a run: a soft stop (first Ctrl-C: start nothing new, let running
/// targets finish) and a hard stop (second Ctrl-C: abort now; the journal stays consistent).
/// </summary>
public sealed class RunControl : IDisposable
{
    private readonly CancellationTokenSource _hard = new();
    private volatile bool _stopRequested;

    public bool StopRequested => _stopRequested;

    public CancellationToken Hard => _hard.Token;

    public void RequestStop() => _stopRequested = true;

    public void Abort()
    {
        _stopRequested = true;
        _hard.Cancel();
    }

    public void Dispose() => _hard.Dispose();
}
