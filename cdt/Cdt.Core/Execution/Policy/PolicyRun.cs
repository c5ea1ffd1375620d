using Cdt.Config;

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

    /// <summary>The policies as people read them.</summary>
    public static string Describe(PolicyInstall policies) => policies switch
    {
        PolicyInstall.Access => "Access Control",
        PolicyInstall.AccessThreat => "Access Control and Threat Prevention",
        _ => "every enabled",
    };
}
