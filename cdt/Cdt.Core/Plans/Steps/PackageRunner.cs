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

    public static async Task<StepResult> ImportAsync(TargetContext c, PackageAction a, CancellationToken ct) =>
        (await SendAndImportAsync(c, a, ct)).Outcome;

    /// <summary>
    /// Sends (not again with the same MD5) and imports (not again). A plan naming the package only by
    /// its file (CDT XML does) learns the name CPUSE gives it from <c>show installer package FILE</c>.
    /// </summary>
    public static async Task<(StepResult Outcome, TargetContext View)> SendAndImportAsync(TargetContext c, PackageAction a, CancellationToken ct)
    {
        var (p, known) = await NamedViewAsync(c, a, ct);
        var sent = await new SendPackageStep().RunAsync(p, ct);
        if (sent.Status == StepStatus.Failed)
        {
            return (sent, p);
        }

        if (!known)
        {
            var import = await p.RunAsync(GaiaCommands.Import(p.Remote, a.File.FileName), p.Run.Settings.TransferTimeout, ct);
            if (!import.Succeeded)
            {
                return (StepResult.Failed("installer import: " + ImportPackageStep.ResultLine(import)), p);
            }

            (p, _) = await NamedViewAsync(c, a, ct);
        }

        var imported = await new ImportPackageStep().RunAsync(p, ct);
        var message = known ? imported.Message : $"imported as '{p.CpuseName}'";
        return (imported.Status == StepStatus.Failed ? imported : StepResult.Ok(sent.Message + "; " + message), p);
    }

    /// <summary>
    /// The view of the run for this package, named as CPUSE names it: the plan's <c>name</c>, else
    /// the display name <c>show installer package FILE</c> gives; <c>known</c> is false when CPUSE does not know the file yet.
    /// </summary>
    public static async Task<(TargetContext View, bool Known)> NamedViewAsync(TargetContext c, PackageAction a, CancellationToken ct)
    {
        var spec = a.ToSpec();
        if (a.CpuseName is not null)
        {
            return (PackageContexts.For(c, spec, a.EffectiveTimeout), true);
        }

        var answer = await c.Driver.RunAsync(c.Remote, GaiaCommands.ShowPackage(c.Remote, spec.FileName), ct);
        var detail = answer.Succeeded ? PackageDetailParser.Parse(answer.Stdout) : Parsed<PackageDetailParser.Detail>.Failure(answer.Describe());
        return detail.Ok
            ? (PackageContexts.For(c, spec with { Name = detail.Value!.DisplayName }, a.EffectiveTimeout), true)
            : (PackageContexts.For(c, spec, a.EffectiveTimeout), false);
    }

    /// <summary>As in CDT, verify needs the package imported already (import_package before it).</summary>
    public static async Task<StepResult> VerifyAsync(TargetContext c, PackageAction a, CancellationToken ct)
    {
        var (p, _) = await NamedViewAsync(c, a, ct);
        var imported = await p.FindPackageAsync(PackageListing.Imported, ct);
        if (!imported.Ok)
        {
            return StepResult.Failed(imported.Error!);
        }

        if (imported.Value!.Entry is null)
        {
            return StepResult.Failed($"'{p.Run.Package!.Name}' is not imported: put import_package (or install_package) before verify_package");
        }

        return await new VerifyPackageStep().RunAsync(p, ct);
    }

    /// <summary>
    /// The first part of an install or upgrade: nothing when the package is in place; else send,
    /// import and verify it. The name CPUSE lists it under is kept on the target for the install
    /// (a Security Group's group install uses it).
    /// </summary>
    public static async Task<StepResult> PrepareInstallAsync(TargetContext c, PackageAction a, CancellationToken ct)
    {
        if (await InPlaceAsync(c, a, ct) is { } nothingToDo)
        {
            return nothingToDo;
        }

        var (imported, p) = await SendAndImportAsync(c, a, ct);
        if (imported.Status == StepStatus.Failed)
        {
            return imported;
        }

        if (c.Run.Package?.Path == p.Run.Package!.Path)
        {
            c.CpuseName = p.CpuseName;
        }

        var verified = await new VerifyPackageStep().RunAsync(p, ct);
        return verified.Status == StepStatus.Failed ? verified : StepResult.Ok(imported.Message + "; " + verified.Message);
    }

    /// <summary>The install (or upgrade) itself, once prepared: already in place is success with nothing to do.</summary>
    public static async Task<StepResult> InstallAsync(TargetContext c, PackageAction a, CancellationToken ct)
    {
        if (await InPlaceAsync(c, a, ct) is { } nothingToDo)
        {
            return nothingToDo;
        }

        // Imported by the preparation: this only learns the name CPUSE lists it under.
        var (imported, p) = await SendAndImportAsync(c, a, ct);
        if (imported.Status == StepStatus.Failed)
        {
            return imported;
        }

        // The engine's install step runs 'installer upgrade' for an upgrade, and confirm checks the version then.
        return await Chain(
        [
            () => new InstallPackageStep().RunAsync(p, ct),
            () => new ConfirmInstalledStep().RunAsync(p, ct),
        ]);
    }

    /// <summary>CPUSE downloads the package itself; done when it is imported (or installed) already.</summary>
    public static async Task<StepResult> DownloadAsync(TargetContext c, PackageAction a, CancellationToken ct)
    {
        var (p, _) = await NamedViewAsync(c, a, ct);
        var all = await p.FindPackageAsync(PackageListing.All, ct);
        if (!all.Ok)
        {
            return StepResult.Failed(all.Error!);
        }

        if (all.Value!.Entry is { } known && known.Status is not ("Available for Download" or "Failed"))
        {
            return StepResult.Skipped($"already on the gateway ('{known.Name}': {known.Status})");
        }

        var result = await p.RunAsync(GaiaCommands.Download(p.Remote, p.Run.Package!.Name), a.EffectiveTimeout, ct);
        return result.Succeeded ? StepResult.Ok("downloaded by CPUSE") : StepResult.Failed("installer download: " + ImportPackageStep.ResultLine(result));
    }

    /// <summary>
    /// Whether an install, upgrade or preparation has nothing to do: skipped when the package is in
    /// place (its CPUSE name, or the version an upgrade reached), failed when the gateway could not
    /// tell; null when the package is not in place.
    /// </summary>
    public static async Task<StepResult?> InPlaceAsync(TargetContext c, PackageAction a, CancellationToken ct)
    {
        var (p, _) = await NamedViewAsync(c, a, ct);
        var spec = p.Run.Package!;
        var presence = await PackagePresence.CheckAsync(p.Driver, p.Remote, spec, ct);
        if (presence.Error is not null)
        {
            return StepResult.Failed("cannot tell whether the package is in place: " + presence.Error);
        }

        return presence.InPlace ? StepResult.Skipped($"already in place as '{presence.CpuseName ?? spec.TargetVersion ?? spec.Name}'") : null;
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
