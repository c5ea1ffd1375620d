namespace Cdt.Plans;

/// <summary>
/// <c>execute_script</c>: a user script from this machine, sent to the target and run there.
/// Exit 0: continue; 222: reboot the target, then continue; anything else: failure (REFERENCE.md §6).
/// </summary>
public sealed record ExecuteScriptAction : PlanAction
{
    public const int RebootExitCode = 222;

    public override string ActionName => "execute_script";

    public required LocalFile Script { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = [];

    public override TimeSpan DefaultTimeout => TimeSpan.FromMinutes(30);
}
