using System.Globalization;
using Cdt.Gaia.Health;

namespace Cdt.Execution.Health;

/// <summary>A snapshot in one line, for step messages and <c>cdt health</c>.</summary>
public static class HealthText
{
    public static string Summary(HealthSnapshot s)
    {
        var parts = new List<string>();
        if (s.Cluster is { } c)
        {
            parts.Add("cluster member " + c.LocalState);
        }

        if (s.Policy is { } p)
        {
            parts.Add("policy " + p.Describe());
        }

        if (s.Routes is { } r)
        {
            parts.Add(Count(r.Total) + " routes");
        }

        if (s.Interfaces is { } i)
        {
            parts.Add($"{Count(i.Count(l => l.Up))}/{Count(i.Count)} interfaces up");
        }

        if (s.Processes is { } w)
        {
            parts.Add($"{Count(w.Count(x => x.Running))}/{Count(w.Count)} watched processes running");
        }

        if (s.Licences is { } l)
        {
            parts.Add(Count(l.Count) + " licence(s)");
        }

        if (s.Unread.Count > 0)
        {
            parts.Add("not read: " + string.Join(", ", s.Unread.Keys.Order(StringComparer.Ordinal)));
        }

        return string.Join("; ", parts);
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
