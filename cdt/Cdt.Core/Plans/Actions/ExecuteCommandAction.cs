namespace Cdt.Plans;

/// <summary><c>execute_command</c>: one command in Expert mode (bash); exit code 0 is success.</summary>
public sealed record ExecuteCommandAction : PlanAction
{
    public override string ActionName => "execute_command";

    public required string Command { get; init; }

    public override TimeSpan DefaultTimeout => TimeSpan.FromMinutes(10);
}
