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
        if (await PackageRunner.InPlaceAsync(c, _action, ct) is { } nothingToDo)
        {
            return nothingToDo;
        }

        if (!_importAndVerify)
        {
            return await PackageRunner.SendAsync(c, _action, ct);
        }

        var (imported, p) = await PackageRunner.SendAndImportAsync(c, _action, ct);
        if (imported.Status == StepStatus.Failed)
        {
            return imported;
        }

        var verified = await new VerifyPackageStep().RunAsync(p, ct);
        return verified.Status == StepStatus.Failed ? verified : StepResult.Ok(imported.Message + "; " + verified.Message);
    }
}
