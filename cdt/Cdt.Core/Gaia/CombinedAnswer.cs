using Cdt.Transport;

namespace Cdt.Gaia;

/// <summary>
/// Splits the answer to commands sent together (<see cref="GaiaCommands.Each"/>,
/// <see cref="GaiaCommands.WhileOk"/>) into one answer per command, cut at the separator lines.
/// Only the last command's exit code and the shared stderr come back from the gateway: earlier
/// parts count as exit 0 and are judged by their parsers; the last part present carries the exit
/// code and stderr. Fewer parts than commands means a command of a <c>WhileOk</c> line failed.
/// </summary>
public static class CombinedAnswer
{
    public static IReadOnlyList<CommandResult> Split(CommandResult result)
    {
        var sections = new List<List<string>> { new() };
        foreach (var line in result.Stdout.Split('\n'))
        {
            if (line.TrimEnd('\r').Trim() == GaiaCommands.Separator)
            {
                sections.Add([]);
            }
            else
            {
                sections[^1].Add(line);
            }
        }

        return [.. sections.Select((lines, i) => i == sections.Count - 1
            ? result with { Stdout = string.Join("\n", lines) }
            : new CommandResult { ExitCode = 0, Stdout = string.Join("\n", lines) + "\n", Duration = result.Duration })];
    }
}
