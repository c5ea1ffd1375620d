using System.Globalization;

namespace Cdt.Fleet;

/// <summary>One Security Group Member (or dual-chassis SGM): its row name and its id <c>SITE_NUMBER</c>, such as <c>2_3</c>.</summary>
public sealed record SecurityGroupMember(string Name, int Site, int Number)
{
    /// <summary>The id as the inventory and Maestro write it: <c>1_1</c>.</summary>
    public string Id => Site.ToString(CultureInfo.InvariantCulture) + "_" + Number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads an id such as <c>1_1</c> or <c>1_01</c>; null when it is not one.</summary>
    public static (int Site, int Number)? ParseId(string id)
    {
        var parts = id.Split('_');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var site)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && site > 0 && number > 0
            ? (site, number)
            : null;
    }

    /// <summary>The members of a Security Group in site, then member order.</summary>
    public static IReadOnlyList<SecurityGroupMember> Of(FleetInventory inventory, Cluster cluster) => Of(inventory.MembersOf(cluster));

    /// <summary>The gateways that are Security Group members, in site, then member order.</summary>
    public static IReadOnlyList<SecurityGroupMember> Of(IEnumerable<Gateway> gateways) =>
        gateways
            .Select(g => g.MemberId is { } id && ParseId(id) is { } p ? new SecurityGroupMember(g.Name, p.Site, p.Number) : null)
            .OfType<SecurityGroupMember>()
            .OrderBy(m => m.Site).ThenBy(m => m.Number)
            .ToList();
}
