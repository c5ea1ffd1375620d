using System.Globalization;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;

namespace Cdt.Fleet;

/// <summary>
/// Reads a <c>simulation:</c> section of the inventory (durations, faults, scripts' exit codes),
/// used only by the built-in simulator and the SSH gateway emulator.
/// </summary>
public static class SimulationProfileReader
{
    private static readonly Dictionary<string, Fault> FaultNames = Enum.GetValues<Fault>()
        .ToDictionary(f => SnakeCase(f.ToString()), f => f, StringComparer.OrdinalIgnoreCase);

    public static SimulationProfile? Read(YamlMap? m)
    {
        if (m is null)
        {
            return null;
        }

        var install = m.Duration("install");
        var reboot = m.Duration("reboot");
        var failures = m.Int("transfer_failures", 0);
        var rounds = m.Int("update_rounds", 0);
        var sync = m.Duration("sync");
        var faults = new HashSet<Fault>();
        foreach (var f in m.StringList("faults"))
        {
            if (FaultNames.TryGetValue(f, out var fault))
            {
                faults.Add(fault);
            }
            else
            {
                m.Error(m.Find("faults")!, $"unknown fault '{f}' (known: {string.Join(", ", FaultNames.Keys)})");
            }
        }

        var scripts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (m.Map("scripts") is { } s)
        {
            foreach (var pair in s.Node.Children)
            {
                var key = pair.Key.ToString();
                if (int.TryParse(pair.Value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var code))
                {
                    scripts[key] = code;
                }
                else
                {
                    s.Error(pair.Value, $"exit code of script '{key}' must be a whole number");
                }
            }
        }

        m.RejectUnknownKeys("'simulation' (install, reboot, faults, transfer_failures, scripts, update_rounds, sync)");
        return new SimulationProfile
        {
            InstallDuration = install ?? SimulationProfile.Default.InstallDuration,
            RebootDuration = reboot ?? SimulationProfile.Default.RebootDuration,
            Faults = faults,
            TransferFailures = failures ?? 0,
            ScriptExitCodes = scripts,
            UpdateRounds = rounds ?? SimulationProfile.Default.UpdateRounds,
            SyncDuration = sync ?? SimulationProfile.Default.SyncDuration,
        };
    }

    private static string SnakeCase(string pascal) =>
        string.Concat(pascal.Select((ch, i) => i > 0 && char.IsUpper(ch) ? "_" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));
}
