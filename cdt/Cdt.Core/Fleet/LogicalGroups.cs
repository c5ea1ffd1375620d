namespace Cdt.Fleet;

/// <summary>
/// Splits a Security Group into logical groups as the vendor procedure asks (seed 000): groups as
/// equal in size as possible (8 -> 4+4, 5 -> 3+2, 3 -> 2+1), the larger ones first; a group never
/// spans two sites, so on dual site each site is one group (or several, when more are asked for).
/// </summary>
public static class LogicalGroups
{
    public const int Default = 2;
    public const int Max = 26;

    public static IReadOnlyList<LogicalGroup> Split(IReadOnlyList<SecurityGroupMember> members, int requested)
    {
        if (requested is < 2 or > Max)
        {
            throw new ArgumentOutOfRangeException(nameof(requested), requested, "between 2 and 26 logical groups");
        }

        var sites = members.OrderBy(m => m.Site).ThenBy(m => m.Number).GroupBy(m => m.Site).Select(g => g.ToList()).ToList();
        var groups = new List<List<SecurityGroupMember>>();
        if (sites.Count == 1)
        {
            groups.AddRange(Chunk(sites[0], requested));
        }
        else
        {
            var total = Math.Max(requested, sites.Count);
            for (var i = 0; i < sites.Count; i++)
            {
                var share = (total / sites.Count) + (i < total % sites.Count ? 1 : 0);
                groups.AddRange(Chunk(sites[i], share));
            }
        }

        return groups.Select((g, i) => new LogicalGroup(((char)('A' + i)).ToString(), g)).ToList();
    }

    /// <summary>How many groups a Security Group uses: its own setting, else cdt.conf's.</summary>
    public static int For(Cluster cluster, int configured) => cluster.LogicalGroups ?? configured;

    private static IEnumerable<List<SecurityGroupMember>> Chunk(List<SecurityGroupMember> members, int count)
    {
        count = Math.Max(1, Math.Min(count, members.Count));
        var start = 0;
        for (var i = 0; i < count; i++)
        {
            var size = (members.Count / count) + (i < members.Count % count ? 1 : 0);
            yield return members.GetRange(start, size);
            start += size;
        }
    }
}
