namespace Cdt.Plans;

/// <summary><c>create_snapshot</c>: a Gaia snapshot (<c>add snapshot NAME desc DESCRIPTION</c>).</summary>
public sealed record CreateSnapshotAction : PlanAction
{
    public override string ActionName => "create_snapshot";

    public required string SnapshotName { get; init; }

    public string? Description { get; init; }

    public override TimeSpan DefaultTimeout => TimeSpan.FromMinutes(30);
}
