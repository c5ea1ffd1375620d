using Cdt.Gaia;

namespace Cdt.Execution.Steps;

/// <summary>After the reboot: the package must show in <c>show installer packages installed</c>.</summary>
public sealed class ConfirmInstalledStep : ITargetStep
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

        return PackageListParser.Find(installed.Value!, c.CpuseName ?? package.Name, package.FileName) is not null
            ? StepResult.Ok("shows as installed")
            : StepResult.Failed("the package does not show as installed after the install and reboot");
    }
}
