namespace Cdt.Plans;

/// <summary>
/// The words of a plan: every action CDT and cdt know, and the attributes each one takes. Both
/// readers and the checker use this one table, so YAML and XML plans mean the same thing.
/// </summary>
public static class PlanVocabulary
{
    public const string PathKey = "path";
    public const string CriticalKey = "critical";
    public const string TimeoutKey = "timeout";
    public const string RetriesKey = "retries";
    public const int MaxRetries = 10;

    /// <summary>CDT XML spells <c>critical</c> this way.</summary>
    public const string XmlCriticalKey = "iscritical";

    /// <summary>CDT XML's name for uninstall, seen in real automation, with its file attribute.</summary>
    public const string XmlUninstallName = "uninstall_cpuse_package";
    public const string XmlUninstallFileKey = "filename";

    private static readonly string[] Common = [CriticalKey, TimeoutKey, RetriesKey];
    private static readonly string[] PackageKeys = [PathKey, "name", "versions"];

    /// <summary>Each action with the attributes it takes, in the order they are documented and written.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["create_snapshot"] = ["name", "description", .. Common],
        ["send_package"] = [.. PackageKeys, .. Common],
        ["import_package"] = [.. PackageKeys, .. Common],
        ["verify_package"] = [.. PackageKeys, .. Common],
        ["install_package"] = [.. PackageKeys, .. Common],
        ["upgrade_package"] = [.. PackageKeys, "target_version", .. Common],
        ["download_from_cloud"] = [.. PackageKeys, .. Common],
        ["uninstall_package"] = ["name", PathKey, .. Common],
        ["execute_command"] = ["command", .. Common],
        ["execute_script"] = [PathKey, "arguments", .. Common],
        ["push_file"] = ["local", "remote", .. Common],
        ["pull_file"] = ["remote", .. Common],
        ["reboot"] = [.. Common],
        ["wait_for"] = ["command", "output", "exit_code", "interval", .. Common],
        ["log"] = ["message"],
        ["send_email"] = ["to", "subject", "body", TimeoutKey, RetriesKey],
    };

    public static IReadOnlyList<string> ActionNames { get; } = [.. Attributes.Keys];

    /// <summary>Actions that name a package file; the first one decides eligibility.</summary>
    public static readonly IReadOnlyList<string> PackageActionNames =
        ["send_package", "import_package", "verify_package", "install_package", "upgrade_package", "download_from_cloud"];

    /// <summary>The action a name means, accepting CDT XML's own spelling.</summary>
    public static string? Canonical(string name, PlanFormat format) => name switch
    {
        XmlUninstallName when format == PlanFormat.CdtXml => "uninstall_package",
        _ when Attributes.ContainsKey(name) => name,
        _ => null,
    };

    /// <summary>The known action nearest to a misspelt one, for "did you mean".</summary>
    public static string? Nearest(string name)
    {
        var best = ActionNames.Select(a => (a, d: Distance(a, name))).OrderBy(x => x.d).First();
        // A suggestion only for near misses: short words are all "near" each other.
        return best.d <= Math.Max(1, name.Length / 4) ? best.a : null;
    }

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }

        return row[b.Length];
    }
}
