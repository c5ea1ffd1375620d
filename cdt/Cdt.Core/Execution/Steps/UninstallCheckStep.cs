using Cdt.Gaia;

namespace Cdt.Execution.Steps;

/// <summary>
/// First step of <c>--uninstall</c> on every target: is it reachable, and is the package there to
/// remove? Learns the name CPUSE lists it under; the uninstall uses that name.
/// </summary>
public sealed class UninstallCheckStep : ITargetStep
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

        var package = c.Run.Package!;
        var installed = await c.Driver.PackagesAsync(c.Remote, PackageListing.Installed, ct);
        if (!installed.Ok)
        {
            return StepResult.Failed(installed.Error!);
        }

        if (PackageListParser.Find(installed.Value!, package.Name, package.FileName) is { } found)
        {
            c.CpuseName = found.Name;
            return StepResult.Ok($"{version.Value}, package installed as '{found.Name}': it will be removed");
        }

        return StepResult.Ok($"{version.Value}, package not installed: nothing to remove");
    }
}
