using System.Globalization;
using Cdt.Gaia.Health;

namespace Cdt.Execution.Health;

/// <summary>
/// The regression rules (docs/health.md): a policy gone or fallen back to InitialPolicy or
/// defaultfilter; the local cluster member no longer ACTIVE/STANDBY; an interface down that was
/// up; a watched process missing or stopped; routes changed by more than the tolerance. A part
/// read before but unreadable after is a finding too: what cdt cannot see, it cannot vouch for.
/// Licences are recorded, not compared.
/// </summary>
public static class HealthComparison
{
    public static IReadOnlyList<HealthFinding> Compare(HealthSnapshot before, HealthSnapshot after, double routesTolerance)
    {
        var findings = new List<HealthFinding>();
        Policy(before, after, findings);
        Cluster(before, after, findings);
        Interfaces(before, after, findings);
        Processes(before, after, findings);
        Routes(before, after, routesTolerance, findings);
        return findings;
    }

    private static void Policy(HealthSnapshot before, HealthSnapshot after, List<HealthFinding> findings)
    {
        if (before.Policy is not { IsFallback: false } was)
        {
            return;
        }

        if (after.Policy is { } now)
        {
            if (now.IsFallback)
            {
                findings.Add(new HealthFinding(HealthFinding.Policy, null, was.Describe(), now.Describe()));
            }
        }
        else
        {
            findings.Add(new HealthFinding(HealthFinding.Policy, null, was.Describe(), Unreadable(after, HealthSnapshot.PolicyPart)));
        }
    }

    private static void Cluster(HealthSnapshot before, HealthSnapshot after, List<HealthFinding> findings)
    {
        if (before.Cluster is not { LocalHealthy: true } was)
        {
            return;
        }

        if (after.Cluster is { } now)
        {
            if (!now.LocalHealthy)
            {
                findings.Add(new HealthFinding(HealthFinding.Cluster, null, was.LocalState, now.Summary));
            }
        }
        else
        {
            findings.Add(new HealthFinding(HealthFinding.Cluster, null, was.LocalState,
                after.WasRead(HealthSnapshot.ClusterPart) ? "not a cluster member (HA module not started)" : Unreadable(after, HealthSnapshot.ClusterPart)));
        }
    }

    private static void Interfaces(HealthSnapshot before, HealthSnapshot after, List<HealthFinding> findings)
    {
        if (before.Interfaces is not { } was)
        {
            return;
        }

        if (after.Interfaces is not { } now)
        {
            findings.Add(new HealthFinding(HealthFinding.Interface, null, Count(was.Count(l => l.Up), "up"), Unreadable(after, HealthSnapshot.InterfacesPart)));
            return;
        }

        foreach (var link in was.Where(l => l.Up))
        {
            var current = now.FirstOrDefault(l => l.Name == link.Name);
            if (current is not { Up: true })
            {
                findings.Add(new HealthFinding(HealthFinding.Interface, link.Name, "up", current is null ? "gone" : "down"));
            }
        }
    }

    private static void Processes(HealthSnapshot before, HealthSnapshot after, List<HealthFinding> findings)
    {
        if (before.Processes is not { } was)
        {
            return;
        }

        if (after.Processes is not { } now)
        {
            findings.Add(new HealthFinding(HealthFinding.Process, null, Count(was.Count(p => p.Running), "running"), Unreadable(after, HealthSnapshot.ProcessesPart)));
            return;
        }

        foreach (var process in was.Where(p => p.Running))
        {
            var current = now.FirstOrDefault(p => p.App == process.App);
            if (current is not { Running: true })
            {
                findings.Add(new HealthFinding(HealthFinding.Process, process.App, "running (E)", current is null ? "not watched any more" : $"not running ({current.Stat})"));
            }
        }
    }

    /// <summary>More than the tolerance (a share of the routes before) is a finding; exactly the tolerance is not.</summary>
    private static void Routes(HealthSnapshot before, HealthSnapshot after, double tolerance, List<HealthFinding> findings)
    {
        if (before.Routes is not { } was)
        {
            return;
        }

        var routes = Count(was.Total, "routes");
        if (after.Routes is not { } now)
        {
            findings.Add(new HealthFinding(HealthFinding.Routes, null, routes, Unreadable(after, HealthSnapshot.RoutesPart)));
            return;
        }

        var change = Math.Abs(now.Total - was.Total);
        if (change > tolerance * was.Total)
        {
            var share = was.Total == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" ({(now.Total - was.Total) * 100.0 / was.Total:+0.#;-0.#}%, tolerance {tolerance * 100:0.#}%)");
            findings.Add(new HealthFinding(HealthFinding.Routes, null, routes, Count(now.Total, "routes") + share));
        }
    }

    private static string Unreadable(HealthSnapshot after, string part) =>
        "unreadable (" + (after.Unread.TryGetValue(part, out var why) ? why : "no answer") + ")";

    private static string Count(int n, string what) => n.ToString(CultureInfo.InvariantCulture) + " " + what;
}
