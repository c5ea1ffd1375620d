using Cdt.Gaia;

namespace Cdt.Execution.Steps;

/// <summary>
/// First step on every target: is it reachable, and is the package already installed? An
/// unreachable target is a failure, never silently skipped.
/// </summary>
public sealed class CheckStep : ITargetStep
{
    public string Name => "check";

    public bool Critical => true;

    public bool RunOnce => false;

    public async Task<StepResult> RunAsync(TargetContext c, CancellationToken ct)
    {
        var version = await c.Driver.VersionAsync(c.Remote, ct);
        if (version.TransportFailed)
        {
            return StepResult.Failed(version.Raw!.Describe());
        }

        if (c.Run.Package is not { } package)
        {
            return StepResult.Ok(version.Value ?? "reachable");
        }

        var presence = await PackagePresence.CheckAsync(c.Driver, c.Remote, package, ct);
        if (presence.Error is not null)
        {
            return StepResult.Failed(presence.Error);
        }

        if (presence.InPlace)
        {
            c.AlreadyInstalled = true;
            c.CpuseName = presence.CpuseName;
            return StepResult.Ok("package already installed");
        }

        return StepResult.Ok($"{version.Value}, package not installed yet");
    }
}
