using Cdt.Config;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Plans;
using Cdt.Storage;

namespace Cdt.Cli;

/// <summary>
/// The one place where command line, environment and cdt.conf are merged (in that order of
/// precedence), and where the CDT mode rule is applied.
/// </summary>
public static class Settings
{
    /// <summary>--config, else $CDT_CONFIG, else ./cdt.conf.</summary>
    public static string ConfigPath(string? option, CliContext context) =>
        context.Resolve(option ?? context.Environment("CDT_CONFIG") ?? ConfigLoader.DefaultPath);

    public static CdtConfig LoadConfig(string? option, CliContext context) => ConfigLoader.Load(context.Files, ConfigPath(option, context));

    /// <summary>
    /// CDT's rule: a package (or a pre-installation script) in cdt.conf means Basic mode, a plan
    /// means Advanced mode; both is an error. The package decides eligibility: with
    /// <paramref name="uninstall"/> (Basic mode) or a plan that only uninstalls, for removing it.
    /// </summary>
    public static (PackageSpec Package, string Mode, bool Uninstall) ResolvePackage(IFileStore files, CdtConfig config, string? planPath, bool uninstall = false)
    {
        RejectBothModes(config, planPath);
        if (config.Package is { } package)
        {
            return uninstall && package.Kind == PackageKind.Upgrade
                ? throw new CdtInputException(config.Source, null, null, "--uninstall: the package is a version upgrade, which cannot be uninstalled; revert an upgraded gateway from its snapshot")
                : (package, "basic", uninstall);
        }

        if (planPath is not null)
        {
            if (uninstall)
            {
                throw UninstallWithPlan(planPath);
            }

            var (first, removes) = PlanLoader.Load(files, planPath).RequireListPackage();
            return (first, "advanced", removes);
        }

        throw NoMode(config);
    }

    public static CdtInputException UninstallWithPlan(string planPath) =>
        new(planPath, null, null, "--uninstall removes the package of cdt.conf (Basic mode); in a deployment plan, use an uninstall_package action instead");

    /// <summary>
    /// The same rule for execute and prepare, which also run plans without a package (an uninstall):
    /// Advanced mode gives the plan, read and checked (every problem at once); Basic mode gives null.
    /// </summary>
    public static Plan? ResolvePlan(IFileStore files, CdtConfig config, string? planPath)
    {
        RejectBothModes(config, planPath);
        if (planPath is null)
        {
            return config.Package is not null ? null : throw NoMode(config);
        }

        var plan = PlanLoader.Load(files, planPath);
        var problems = PlanChecker.Check(files, plan);
        return problems.Count == 0 ? plan : throw new CdtInputException(problems);
    }

    private static void RejectBothModes(CdtConfig config, string? planPath)
    {
        var basic = config.Package is not null ? "package" : config.PreScript is not null ? "pre_script" : null;
        if (basic is not null && planPath is not null)
        {
            throw new CdtInputException(config.Source, null, null,
                $"defines '{basic}' (Basic mode) and --plan {planPath} was given (Advanced mode): use one of them; remove '{basic}' from cdt.conf to run the plan");
        }
    }

    private static CdtInputException NoMode(CdtConfig config) =>
        new(config.Source, null, null, "no package to install: add a 'package' section (Basic mode) or pass --plan PLAN (Advanced mode)");
}
