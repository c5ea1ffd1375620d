using System.Collections.Concurrent;

namespace Cdt.ManagementEmulator;

/// <summary>What cdt asked: calls per command, sessions opened and closed, and every session id handed out (so a test can look for it where it must never appear).</summary>
public sealed class EmulatorCounters
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _sids = new();
    private readonly ConcurrentDictionary<string, int> _perGateway = new(StringComparer.Ordinal);
    private int _logins;
    private int _logouts;

    public int Logins => _logins;

    /// <summary>Logout calls, whether or not the session was still open.</summary>
    public int Logouts => _logouts;

    public IReadOnlyCollection<string> IssuedSids => _sids;

    public int Calls(string command) => _calls.GetValueOrDefault(command);

    /// <summary><c>run-script</c>, <c>put-file</c> and <c>show-task</c> calls about one gateway.</summary>
    public int CallsFor(string gateway) => _perGateway.GetValueOrDefault(gateway);

    internal void CountFor(string gateway) => _perGateway.AddOrUpdate(gateway, 1, (_, n) => n + 1);

    internal void Count(string command)
    {
        _calls.AddOrUpdate(command, 1, (_, n) => n + 1);
        if (command == "logout")
        {
            Interlocked.Increment(ref _logouts);
        }
    }

    internal void LoggedIn(string sid)
    {
        Interlocked.Increment(ref _logins);
        _sids.Enqueue(sid);
    }
}
