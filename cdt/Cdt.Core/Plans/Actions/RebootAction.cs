namespace Cdt.Plans;

/// <summary><c>reboot</c>: reboots the target and waits until it answers again (the time-out covers both).</summary>
public sealed record RebootAction : PlanAction
{
    public override string ActionName => "reboot";

    public override TimeSpan DefaultTimeout => TimeSpan.FromMinutes(30);
}
