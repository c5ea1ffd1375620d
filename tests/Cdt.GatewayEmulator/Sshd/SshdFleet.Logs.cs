using System.Globalization;
using System.Text.RegularExpressions;

namespace Cdt.GatewayEmulator.Sshd;

/// <summary>What the fleet's sshd processes logged (LogLevel VERBOSE): connections and sessions, per address.</summary>
public sealed partial class SshdFleet
{
    /// <summary>TCP connections sshd accepted on one address, counted from its verbose logs.</summary>
    public int ConnectionsTo(string address)
    {
        var pattern = $" on {address} port {Net.Port.ToString(CultureInfo.InvariantCulture)} ";
        return _logs.Where(File.Exists).Sum(log => File.ReadLines(log).Count(l => l.StartsWith("Connection from ", StringComparison.Ordinal) && l.Contains(pattern, StringComparison.Ordinal)));
    }

    /// <summary>Commands (SSH sessions) sshd started on any address, counted from its verbose logs.</summary>
    public int SessionsStarted() =>
        _logs.Where(File.Exists).Sum(log => File.ReadLines(log).Count(l => l.StartsWith("Starting session: ", StringComparison.Ordinal)));

    /// <summary>
    /// Commands (SSH sessions, file copies included) sshd started per address dialled. A session
    /// line names the client's address and port, which the line of its connection ties to the
    /// address the client dialled.
    /// </summary>
    public IReadOnlyDictionary<string, int> SessionsPerAddress()
    {
        var sessions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var log in _logs.Where(File.Exists))
        {
            var dialled = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var line in File.ReadLines(log))
            {
                if (ConnectionLine().Match(line) is { Success: true } c)
                {
                    dialled[c.Groups["client"].Value] = c.Groups["server"].Value;
                }
                else if (SessionLine().Match(line) is { Success: true } s && dialled.TryGetValue(s.Groups["client"].Value, out var address))
                {
                    sessions[address] = sessions.GetValueOrDefault(address) + 1;
                }
            }
        }

        return sessions;
    }

    [GeneratedRegex(@"^Connection from (?<client>\S+ port \d+) on (?<server>\S+) port \d+", RegexOptions.CultureInvariant)]
    private static partial Regex ConnectionLine();

    [GeneratedRegex(@"^Starting session: .* from (?<client>\S+ port \d+)", RegexOptions.CultureInvariant)]
    private static partial Regex SessionLine();
}
