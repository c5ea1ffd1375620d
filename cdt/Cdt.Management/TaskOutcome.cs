using System.Text;
using Cdt.Transport;

namespace Cdt.Management;

/// <summary>
/// What a finished task means for the command it carried. A script that printed its exit status
/// was answered by the gateway, whatever the task's status. A failed task without any output never
/// ran: the server could not reach the gateway (down, rebooting, SIC broken), so the command is
/// unreachable and cdt's reboot waiter polls as over SSH, unless it ran as long as the server's
/// script limit: then the server stopped it. Output without the exit status, or a script stopped
/// at the limit, is a command cut short: a dropped connection, followed up as over SSH.
/// </summary>
public static class TaskOutcome
{
    public const string Running = "in progress";

    public static bool IsRunning(TaskReply task) => string.Equals(task.Status, Running, StringComparison.OrdinalIgnoreCase);

    /// <summary><c>succeeded</c> and <c>succeeded with warnings</c>; <c>failed</c> and <c>partially succeeded</c> are failures.</summary>
    public static bool Succeeded(TaskReply task) => task.Status is { } s && s.StartsWith("succeeded", StringComparison.OrdinalIgnoreCase);

    /// <summary>The command's result and its raw output (for a fetched file).</summary>
    public static (CommandResult Answer, byte[]? Output) OfScript(TaskReply task, string gateway, TimeSpan duration, TimeSpan scriptLimit)
    {
        var detail = Detail(task, gateway);
        byte[] raw;
        try
        {
            raw = Convert.FromBase64String(detail?.ResponseMessage ?? string.Empty);
        }
        catch (FormatException)
        {
            return (CommandResult.Failed(TransportError.Dropped, $"run-script on {gateway}: the output in the task is not base64", duration), null);
        }

        var (output, exit) = ScriptFraming.Split(raw);
        if (exit is { } code)
        {
            return (new CommandResult { ExitCode = code, Stdout = Encoding.UTF8.GetString(output), Duration = duration }, output);
        }

        var why = Why(task, detail);
        if (duration >= scriptLimit)
        {
            return (CommandResult.Failed(TransportError.Dropped, $"run-script on {gateway} ran as long as the management server runs a script (script_limit {Formats.DurationText.Format(scriptLimit)}) and ended without the command's exit status ({why}): followed up as after a dropped connection", duration), null);
        }

        return raw.Length == 0 && !Succeeded(task)
            ? (CommandResult.Failed(TransportError.Unreachable, $"the management server did not reach {gateway}: {why}", duration), null)
            : (CommandResult.Failed(TransportError.Dropped, $"run-script on {gateway} ended without the command's exit status ({why})" + Tail(output), duration), null);
    }

    /// <summary>A <c>put-file</c> task: written, or not (nothing was written: the gateway was not reached).</summary>
    public static CommandResult OfPutFile(TaskReply task, string gateway, TimeSpan duration) => Succeeded(task)
        ? new CommandResult { ExitCode = 0, Duration = duration }
        : CommandResult.Failed(TransportError.Unreachable, $"put-file to {gateway} failed: {Why(task, Detail(task, gateway))}", duration);

    private static TaskDetail? Detail(TaskReply task, string gateway) =>
        task.TaskDetails?.FirstOrDefault(d => d.GatewayName == gateway) ?? task.TaskDetails?.FirstOrDefault();

    private static string Why(TaskReply task, TaskDetail? detail) =>
        (task.Status ?? "no status") + (detail?.StatusDescription is { Length: > 0 } d ? ": " + Gaia.RemoteValues.Printable(d) : string.Empty);

    private static string Tail(byte[] output) => output.Length == 0 ? string.Empty : "\n" + Encoding.UTF8.GetString(output);
}
