namespace Cdt.Fleet;

/// <summary>One logical group of a Security Group ("A", "B", ...): installed together while the others carry the traffic.</summary>
public sealed record LogicalGroup(string Label, IReadOnlyList<SecurityGroupMember> Members)
{
    /// <summary>The site all members are on, when they share one.</summary>
    public int? Site => Members.Select(m => m.Site).Distinct().Count() == 1 ? Members[0].Site : null;

    public string Ids => string.Join(", ", Members.Select(m => m.Id));
}
