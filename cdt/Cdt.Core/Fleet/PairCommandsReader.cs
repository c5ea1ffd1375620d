using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;

namespace Cdt.Fleet;

/// <summary>Reads a <c>commands:</c> mapping of an active/passive pair; refuses what could not be one command line.</summary>
public static class PairCommandsReader
{
    public const int MaxLength = 2000;

    public static PairCommands? Read(YamlMap? m)
    {
        if (m is null)
        {
            return null;
        }

        var commands = new PairCommands
        {
            Active = Command(m, "active"),
            Switchover = Command(m, "switchover"),
            InSync = Command(m, "in_sync"),
            Install = Command(m, "install"),
            Uninstall = Command(m, "uninstall"),
            Reboot = Command(m, "reboot"),
            Verify = Command(m, "verify"),
            Pending = Command(m, "pending"),
        };
        m.RejectUnknownKeys("'commands' (active, switchover, in_sync, install, uninstall, reboot, verify, pending)");
        return commands;
    }

    /// <summary>Why a value cannot be sent as one command line, or null when it can.</summary>
    public static string? Problem(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "is empty";
        }

        if (value.Any(c => c is '\n' or '\r' or '\0'))
        {
            return "spans several lines: write one command line (join steps with && or put them in a script on the node)";
        }

        if (value.Any(char.IsControl))
        {
            return "holds control characters";
        }

        return value.Length > MaxLength ? $"is longer than {MaxLength} characters" : null;
    }

    private static string? Command(YamlMap m, string key)
    {
        var value = m.String(key);
        if (value is null)
        {
            return null;
        }

        if (Problem(value) is { } problem)
        {
            // The value itself is not repeated: a command line may carry a secret.
            m.Error(m.Find(key)!, $"command '{key}' {problem}");
            return null;
        }

        return value.Trim();
    }
}
