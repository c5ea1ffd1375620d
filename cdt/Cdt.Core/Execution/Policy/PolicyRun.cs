using Cdt.Config;
using Cdt.Diagnostics;

namespace Cdt.Execution.Policy;

/// <summary>A run's policy installation: what to install, through what, and how long it may take.</summary>
public sealed record PolicyRun
{
    public required IPolicyInstaller Installer { get; init; }

    public required PolicyInstall Policies { get; init; }

    public string? Package { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>How often a running task is looked at (the Management API's own clients poll every 2 s).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The run's policy installation, or null when it installs none. The installer is asked first
    /// whether it can install on every unit (logged in, a policy package for each object): a server
    /// that refuses is bad input, before any gateway is touched, not a failure after a package.
    /// </summary>
    public static async Task<PolicyRun?> PrepareAsync(ExecuteSettings settings, Func<IPolicyInstaller>? installers, RunPlan plan, CancellationToken ct)
    {
        if (settings.Policies == PolicyInstall.None)
        {
            return null;
        }

        var installer = installers?.Invoke()
            ?? throw new CdtInputException($"cdt: execute.install_policy asks for the {Describe(settings.Policies)} policy, but this run has no management server to install it through: configure 'inventory.management' or set 'install_policy: none'");
        var objects = plan.Units.SelectMany(PolicyAfterPackage.Targets).Distinct(StringComparer.Ordinal).ToList();
        if (await installer.PrepareAsync(objects, settings.PolicyPackage, ct) is { } problem)
        {
            await installer.DisposeAsync();
            throw new CdtInputException(problem);
        }

        return new PolicyRun { Installer = installer, Policies = settings.Policies, Package = settings.PolicyPackage, Timeout = settings.PolicyTimeout };
    }

    /// <summary>The policies as people read them.</summary>
    public static string Describe(PolicyInstall policies) => policies switch
    {
        PolicyInstall.Access => "Access Control",
        PolicyInstall.AccessThreat => "Access Control and Threat Prevention",
        _ => "every enabled",
    };
}
