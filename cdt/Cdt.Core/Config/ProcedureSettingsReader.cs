using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Fleet;

namespace Cdt.Config;

/// <summary>Reads the <c>security_groups</c> and <c>active_passive</c> sections of cdt.conf.</summary>
public static class ProcedureSettingsReader
{
    public static SecurityGroupSettings ReadSecurityGroups(YamlMap? m)
    {
        var d = new SecurityGroupSettings();
        if (m is null)
        {
            return d;
        }

        var result = new SecurityGroupSettings
        {
            Groups = m.Int("groups", 2, LogicalGroups.Max) ?? d.Groups,
            UpTimeout = m.PositiveDuration("up_timeout") ?? d.UpTimeout,
        };
        m.RejectUnknownKeys("'security_groups' (groups, up_timeout)");
        return result;
    }

    public static ActivePassiveSettings ReadActivePassive(YamlMap? m)
    {
        var d = new ActivePassiveSettings();
        if (m is null)
        {
            return d;
        }

        var result = new ActivePassiveSettings
        {
            Commands = PairCommandsReader.Read(m.Map("commands")) ?? d.Commands,
            MaxRounds = m.Int("max_rounds", 1, 100) ?? d.MaxRounds,
            SyncTimeout = m.PositiveDuration("sync_timeout") ?? d.SyncTimeout,
        };
        m.RejectUnknownKeys("'active_passive' (commands, max_rounds, sync_timeout)");
        return result;
    }
}
