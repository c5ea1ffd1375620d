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
        var installed = await c.FindPackageAsync(PackageListing.Installed, ct);
        if (!installed.Ok)
        {
            return StepResult.Failed(installed.Error!);
        }

        return installed.Value!.Entry is null
            ? StepResult.Ok("no longer installed")
            : StepResult.Failed("the package still shows as installed after the removal and reboot");
    }
}
