using Cdt.Config;
using Cdt.Execution;
using Cdt.Execution.Steps;
using Cdt.Gaia;

namespace Cdt.Plans.Steps;

/// <summary>
/// A plan's <c>update_cpuse</c>: sends the CPUSE deployment agent of cdt.conf (<c>cpuse_agent</c>)
/// to the target (not again when the same MD5 is there) and installs it, before the actions.
/// </summary>
public sealed class AgentStep : ITargetStep
{
    private readonly string? _agent;

    public AgentStep(string? agentPath)
    {
        _agent = agentPath;
    }

    public string Name => "update_cpuse";

    public bool Critical => true;

    public bool RunOnce => false;

    public async Task<StepResult> RunAsync(TargetContext c, CancellationToken ct)
    {
        if (_agent is null)
        {
            return StepResult.Skipped("cdt.conf names no cpuse_agent: the CPUSE agent is left as it is");
        }

        var file = Path.GetFileName(_agent);
        var view = PackageContexts.For(c, new PackageSpec { Path = _agent, Name = file, Versions = [] }, c.Run.Settings.InstallTimeout);
        var sent = await new SendPackageStep().RunAsync(view, ct);
        if (sent.Status == StepStatus.Failed)
        {
            return sent;
        }

        var result = await c.RunAsync(GaiaCommands.AgentInstall(c.Remote, file), c.Run.Settings.InstallTimeout, ct);
        return result.Succeeded ? StepResult.Ok("CPUSE agent " + file + " installed") : StepResult.Failed("installer agent install: " + ImportPackageStep.ResultLine(result));
    }
}
