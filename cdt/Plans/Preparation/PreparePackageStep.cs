using Cdt.Execution;
using Cdt.Execution.Steps;
using Cdt.Plans.Steps;

namespace Cdt.Plans.Preparation;

/// <summary>
/// Prepares one package file of a plan: nothing when it is installed already; else send it (not
/// again with the same MD5), and with extended preparations import and verify it too.
/// </summary>
public sealed class PreparePackageStep : ITargetStep
{
    private readonly PackageAction _action;
    private readonly bool _importAndVerify;

    public PreparePackageStep(PackageAction action, bool importAndVerify)
    {
        _action = action;
        _importAndVerify = importAndVerify;
    }

    public string Name => "prepare " + _action.File.FileName;

    public bool Critical => true;

    public bool RunOnce => false;

    public async Task<StepResult> RunAsync(TargetContext c, CancellationToken ct)
    {
        var p = PackageContexts.For(c, _action.ToSpec(), c.Run.Settings.InstallTimeout);
        if (await PackageRunner.InstalledNameAsync(p, ct) is { } known)
        {
            return known.Length == 0 ? StepResult.Failed("cannot list the installed packages") : StepResult.Skipped($"already installed as '{known}'");
        }

        return _importAndVerify
            ? await PackageRunner.Chain(
            [
                () => new SendPackageStep().RunAsync(p, ct),
                () => new ImportPackageStep().RunAsync(p, ct),
                () => new VerifyPackageStep().RunAsync(p, ct),
            ])
            : await new SendPackageStep().RunAsync(p, ct);
    }
}
