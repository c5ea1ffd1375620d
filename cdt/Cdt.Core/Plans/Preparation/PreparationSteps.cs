using Cdt.Config;
using Cdt.Execution;
using Cdt.Execution.Steps;
using Cdt.Plans.Steps;

namespace Cdt.Plans.Preparation;

/// <summary>
/// What <c>cdt prepare</c> runs on each target, as CDT's preparations: send the package(s), with
/// <c>--extended</c> import and verify them too, then run the pre-installation scripts. Nothing
/// is installed and nothing reboots unless a pre-script asks for it (exit 222).
/// </summary>
public static class PreparationSteps
{
    public static IReadOnlyList<ITargetStep> Build(CdtConfig config, Plan? plan, bool extended)
    {
        if (plan is null)
        {
            var steps = new List<ITargetStep> { CheckStep.BeforeInstall, new SendPackageStep() };
            if (extended)
            {
                steps.Add(new ImportPackageStep());
                steps.Add(new VerifyPackageStep());
            }

            if (config.PreScript is { } pre)
            {
                steps.Add(new ScriptStep(PreScripts.BasicStep, pre));
            }

            return steps;
        }

        // One step per package file; import and verify only for a file the plan imports or installs.
        var installs = plan.Actions.OfType<PackageAction>().Where(a => a is not (SendPackageAction or DownloadFromCloudAction)).Select(a => a.File.FullPath).ToHashSet(StringComparer.Ordinal);
        var packages = plan.Actions.OfType<PackageAction>().Where(a => a is not DownloadFromCloudAction).DistinctBy(a => a.File.FullPath, StringComparer.Ordinal)
            .Select(a => (ITargetStep)new PreparePackageStep(a, extended && installs.Contains(a.File.FullPath)));
        var scripts = PreScripts.Of(plan).Select(s => PlanActionRunners.Step(s.Number, s.Action, sendMail: null));
        return [.. packages, .. scripts];
    }
}
