namespace Cdt.Gaia;

/// <summary>What <c>asg stat</c> says about a Security Group: its sites or chassis and every member's state.</summary>
public sealed record AsgStatus(IReadOnlyList<AsgSite> Sites, IReadOnlyList<AsgMember> Members)
{
    public AsgMember? Find(int site, int number) => Members.FirstOrDefault(m => m.Site == site && m.Number == number);

    public AsgSite? Site(int number) => Sites.FirstOrDefault(s => s.Number == number);
}
