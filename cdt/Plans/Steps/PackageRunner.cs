using Cdt.Execution;
using Cdt.Execution.Steps;
using Cdt.Gaia;

namespace Cdt.Plans.Steps;

/// <summary>
/// The package actions, built from the engine's own package steps so Basic and Advanced mode
/// behave the same: look first (installed? imported? same MD5 already there?), then act.
/// </summary>
public static class PackageRunner
{
    public static async Task<StepResult> SendAsync(TargetContext c, PackageAction a, CancellationToken ct) =>
        await new SendPackageStep().RunAsync(View(c, a), ct);

    public static async Task<StepResult> ImportAsync(TargetContext c, PackageAction a, CancellationToken ct)
    {
        var p = View(c, a);
        return await Chain([() => new SendPackageStep().RunAsync(p, ct), () => new ImportPackageStep().RunAsync(p, ct)]);
    }

    /// <summary>As in CDT, verify needs the package imported already (import_package before it).</summary>
    public static async Task<StepResult> VerifyAsync(TargetContext c, PackageAction a, CancellationToken ct)
    {
        var p = View(c, a);
        var spec = p.Run.Package!;
        var imported = await p.Driver.PackagesAsync(p.Remote, PackageListing.Imported, ct);
        if (!imported.Ok)
        {
            return StepResult.Failed(imported.Error!);
        }

        if (PackageListParser.Find(imported.Value!, spec.Name, spec.FileName) is not { } found)
        {
            return StepResult.Failed($"'{spec.Name}' is not imported: put import_package (or install_package) before verify_package");
        }

        p.CpuseName = found.Name;
        return await new VerifyPackageStep().RunAsync(p, ct);
    }

    /// <summary>Installs (or upgrades), importing first when needed; already installed is success with nothing to do.</summary>
    public static async Task<StepResult> InstallAsync(TargetContext c, PackageAction a, CancellationToken ct)
    {
        var p = View(c, a);
        if (await InstalledNameAsync(p, ct) is { } known)
        {
            return known.Length == 0 ? StepResult.Failed("cannot list the installed packages") : StepResult.Skipped($"already installed as '{known}'");
        }

        ITargetStep install = a is UpgradePackageAction ? new UpgradeStep() : new InstallPackageStep();
        return await Chain(
        [
            () => new SendPackageStep().RunAsync(p, ct),
            () => new ImportPackageStep().RunAsync(p, ct),
            () => new VerifyPackageStep().RunAsync(p, ct),
            () => install.RunAsync(p, ct),
            () => new ConfirmInstalledStep().RunAsync(p, ct),
        ]);
    }

    /// <summary>CPUSE downloads the package itself; done when it is imported (or installed) already.</summary>
    public static async Task<StepResult> DownloadAsync(TargetContext c, PackageAction a, CancellationToken ct)
    {
        var p = View(c, a);
        var spec = p.Run.Package!;
        var all = await p.Driver.PackagesAsync(p.Remote, PackageListing.All, ct);
        if (!all.Ok)
        {
            return StepResult.Failed(all.Error!);
        }

        if (PackageListParser.Find(all.Value!, spec.Name, spec.FileName) is { } known && known.Status is not ("Available for Download" or "Failed"))
        {
            return StepResult.Skipped($"already on the gateway ('{known.Name}': {known.Status})");
        }

        var result = await p.RunAsync(GaiaCommands.Download(p.Remote, spec.Name), a.EffectiveTimeout, ct);
        return result.Succeeded ? StepResult.Ok("downloaded by CPUSE") : StepResult.Failed("installer download: " + ImportPackageStep.ResultLine(result));
    }

    /// <summary>The CPUSE name the package is installed under, null when it is not, empty when the gateway did not answer.</summary>
    public static async Task<string?> InstalledNameAsync(TargetContext p, CancellationToken ct)
    {
        var spec = p.Run.Package!;
        var installed = await p.Driver.PackagesAsync(p.Remote, PackageListing.Installed, ct);
        if (!installed.Ok)
        {
            p.Log("listing installed packages: " + installed.Error);
            return string.Empty;
        }

        return PackageListParser.Find(installed.Value!, spec.Name, spec.FileName)?.Name;
    }

    /// <summary>Runs steps in order; the first failure ends the chain. The messages of what was done are joined.</summary>
    public static async Task<StepResult> Chain(IReadOnlyList<Func<Task<StepResult>>> steps)
    {
        var done = new List<string>();
        foreach (var step in steps)
        {
            var r = await step();
            if (r.Status == StepStatus.Failed)
            {
                return r;
            }

            done.Add(r.Message);
        }

        return StepResult.Ok(string.Join("; ", done));
    }

    private static TargetContext View(TargetContext c, PackageAction a) => PackageContexts.For(c, a.ToSpec(), a.EffectiveTimeout);
}
