using Cdt.Gaia;

namespace Cdt.Execution.Steps;

/// <summary>After a removal and its reboot (<c>--uninstall</c>): the package must be gone from <c>show installer packages installed</c>.</summary>
public sealed class ConfirmRemovedStep : ITargetStep
{
    public string Name => "confirm";

    public bool Critical => true;

    public bool RunOnce => false;

    public async Task<StepResult> RunAsync(TargetContext c, CancellationToken ct)
    {
        var package = c.Run.Package!;
        var installed = await c.Driver.PackagesAsync(c.Remote, PackageListing.Installed, ct);
        if (!installed.Ok)
        {
            return StepResult.Failed(installed.Error!);
        }

        return PackageListParser.Find(installed.Value!, c.CpuseName ?? package.Name, package.FileName) is null
            ? StepResult.Ok("no longer installed")
            : StepResult.Failed("the package still shows as installed after the removal and reboot");
    }
}
