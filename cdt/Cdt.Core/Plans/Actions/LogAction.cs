namespace Cdt.Plans;

/// <summary><c>log</c>: writes a message to the run's log and the target's log; it cannot fail.</summary>
public sealed record LogAction : PlanAction
{
    public override string ActionName => "log";

    public required string Message { get; init; }

    public override TimeSpan DefaultTimeout => TimeSpan.Zero;
}
