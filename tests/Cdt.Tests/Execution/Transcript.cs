using System.Text;
using Cdt.Execution;
using Cdt.Tests.Support;

namespace Cdt.Tests.Execution;

/// <summary>A run told as a golden file: every command line in order, then every target and unit as it ended.</summary>
public static class Transcript
{
    public static string Of(ProcedureHarness h, RunResult result)
    {
        var sb = new StringBuilder();
        sb.Append("# command lines, in the order the simulated gateways received them\n");
        foreach (var c in h.Commands)
        {
            sb.Append(c).Append('\n');
        }

        sb.Append("\n# targets\n");
        foreach (var t in h.State!.Targets.Values.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            sb.Append(t.Name).Append(": ").Append(t.Status).Append(": ").Append(t.Message).Append('\n');
        }

        sb.Append("\n# units\n");
        foreach (var u in h.State.Units.Values)
        {
            sb.Append(u.Name).Append(": ").Append(u.Phase).Append(": ").Append(u.Outcome).Append('\n');
        }

        sb.Append("\n# result: ").Append(result.Succeeded).Append(" succeeded, ").Append(result.Failed).Append(" failed, ").Append(result.NotStarted).Append(" not started\n");
        sb.Append("# invariant violations: ").Append(h.World.Violations.Count).Append('\n');
        return sb.ToString();
    }
}
