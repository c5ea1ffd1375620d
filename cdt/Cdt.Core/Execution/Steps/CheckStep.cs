namespace Cdt.Execution.Steps;

/// <summary>
/// First step on every target: is it reachable, and is the package in place? An unreachable
/// target is a failure, never silently skipped. Before an install, a package already in place
/// leaves the package steps nothing to do; before a removal (<c>--uninstall</c>), the name CPUSE
/// lists it under is learnt, and the uninstall uses that name.
/// </summary>
public sealed class CheckStep : ITargetStep
{
    private readonly bool _removing;

    private CheckStep(bool removing)
    {
        _removing = removing;
    }

    public static CheckStep BeforeInstall { get; } = new(removing: false);

    public static CheckStep BeforeRemoval { get; } = new(removing: true);

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
            c.CpuseName = presence.CpuseName;
        }

        if (_removing)
        {
            return presence.InPlace
                ? StepResult.Ok($"{version.Value}, package installed as '{presence.CpuseName ?? package.Name}': it will be removed")
                : StepResult.Ok($"{version.Value}, package not installed: nothing to remove");
        }

        if (presence.InPlace)
        {
            c.AlreadyInstalled = true;
            return StepResult.Ok("package already installed");
        }

        return StepResult.Ok($"{version.Value}, package not installed yet");
    }
}
