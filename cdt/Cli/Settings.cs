using Cdt.Config;
using Cdt.Files;
using Cdt.Plans;

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

    public static CdtConfig LoadConfig(string? option, CliContext context) => ConfigLoader.Load(ConfigPath(option, context));

    /// <summary>
    /// CDT's rule: a package (or a pre-installation script) in cdt.conf means Basic mode, a plan
    /// means Advanced mode; both is an error.
    /// </summary>
    public static (PackageSpec Package, string Mode) ResolvePackage(CdtConfig config, string? planPath)
    {
        RejectBothModes(config, planPath);
        if (config.Package is not null)
        {
            return (config.Package, "basic");
        }

        if (planPath is not null)
        {
            return (PlanLoader.Load(planPath).RequireFirstPackage(), "advanced");
        }

        throw NoMode(config);
    }

    /// <summary>
    /// The same rule for execute and prepare, which also run plans without a package (an uninstall):
    /// Advanced mode gives the plan, read and checked (every problem at once); Basic mode gives null.
    /// </summary>
    public static Plan? ResolvePlan(CdtConfig config, string? planPath)
    {
        RejectBothModes(config, planPath);
        if (planPath is null)
        {
            return config.Package is not null ? null : throw NoMode(config);
        }

        var plan = PlanLoader.Load(planPath);
        var problems = PlanChecker.Check(plan);
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
