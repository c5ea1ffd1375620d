using Cdt.Gaia;

namespace Cdt.Execution.Steps;

/// <summary>
/// First step on every target: is it reachable, does it run a version the package applies to, and
/// is the package in place? Asked in one round trip (<see cref="GaiaDriver.SurveyAsync"/>), whose
/// answer the send and import steps reuse. An unreachable target is a failure, never silently
/// skipped. Before an install, a package already in place leaves the package steps nothing to do,
/// and a gateway whose live version the package does not apply to fails before anything is sent,
/// whatever the list says; before a removal (<c>--uninstall</c>), the name CPUSE lists it under is
/// learnt, and the uninstall uses that name.
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
        if (c.Run.Package is not { } package)
        {
            var version = await c.Driver.VersionAsync(c.Remote, ct);
            return version.TransportFailed ? StepResult.Failed(version.Raw!.Describe()) : StepResult.Ok(version.Value ?? "reachable");
        }

        var answer = await c.Driver.SurveyAsync(c.Remote, imported: !_removing, _removing ? null : GaiaCommands.UploadPath(package.FileName), ct);
        if (answer.TransportFailed)
        {
            return StepResult.Failed(answer.Raw!.Describe());
        }

        if (answer.Value is not { } survey)
        {
            return StepResult.Failed(answer.Error ?? "the gateway did not answer the check");
        }

        c.Survey = survey;
        var live = survey.Version.Value;
        var presence = PackagePresence.From(survey, package);
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
                ? StepResult.Ok($"{live}, package installed as '{presence.CpuseName ?? package.Name}': it will be removed")
                : StepResult.Ok($"{live}, package not installed: nothing to remove");
        }

        if (presence.InPlace)
        {
            c.AlreadyInstalled = true;
            return StepResult.Ok("package already installed");
        }

        if (live is null)
        {
            return StepResult.Failed(survey.Version.Error ?? "the gateway's version could not be read");
        }

        // The list may be stale or hand-made: the live version decides, before anything is sent.
        return package.RulesOut(live)
            ? StepResult.Failed(package.NotForVersion(live) + "; nothing was sent")
            : StepResult.Ok($"{live}, package not installed yet");
    }
}
