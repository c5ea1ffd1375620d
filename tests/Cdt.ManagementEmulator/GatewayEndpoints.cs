using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Cdt.ManagementEmulator;

/// <summary>
/// <c>run-script</c>, <c>put-file</c> and <c>show-task</c> as MGMT-API.md §3 shows them: a call
/// returns a task at once (<c>{"tasks":[{"target","task-id"}]}</c>, or <c>{"task-id"}</c> for
/// put-file), the work happens in the <see cref="GatewayWorld"/>, and <c>show-task</c> answers
/// <c>in progress</c> until the work's duration has passed, then <c>succeeded</c> or <c>failed</c>
/// with the output in base64 in <c>task-details[0].responseMessage</c>. A script still running at
/// the script limit is stopped: its task fails without output.
/// </summary>
internal sealed class GatewayEndpoints(GatewayWorld gateways, EmulatorFaults faults, EmulatorCounters counters)
{
    private readonly ConcurrentDictionary<string, EmulatedTask> _tasks = new(StringComparer.Ordinal);

    public async Task HandleAsync(HttpContext http, string command, JsonObject body)
    {
        if (command == "show-task")
        {
            await ShowTaskAsync(http, body);
            return;
        }

        var targets = body["targets"] as JsonArray;
        if (targets is not [JsonValue one] || !one.TryGetValue<string>(out var gateway))
        {
            await ErrorAsync(http, 400, "generic_err_invalid_parameter", "The emulator runs a task on exactly one target: 'targets' must list one name");
            return;
        }

        if (!gateways.Knows(gateway))
        {
            await ErrorAsync(http, 404, "generic_err_object_not_found", $"Requested object [{gateway}] not found");
            return;
        }

        counters.CountFor(gateway);
        if (faults.LockedObjects.Contains(gateway))
        {
            await ErrorAsync(http, 409, "generic_err_object_locked", $"Object [{gateway}] is locked by another session");
            return;
        }

        var run = command == "run-script" ? RunScript(body, gateway) : PutFile(body, gateway);
        if (run is null)
        {
            await ErrorAsync(http, 400, "generic_err_invalid_parameter", $"Missing parameter: {(command == "run-script" ? "[script-name] or [script]" : "[file-path], [file-name] or [file-content]")}");
            return;
        }

        var id = Guid.NewGuid().ToString();
        _tasks[id] = new EmulatedTask(id, command, gateway, gateways.Time.GetUtcNow(), run, faults.EndlessTasks.Contains(gateway));
        var reply = command == "run-script"
            ? new JsonObject { ["tasks"] = new JsonArray(new JsonObject { ["target"] = gateway, ["task-id"] = id }) }
            : new JsonObject { ["task-id"] = id };
        await ReplyAsync(http, 200, reply.ToJsonString());
    }

    private TaskRun? RunScript(JsonObject body, string gateway)
    {
        if (Text(body, "script-name") is null || Text(body, "script") is not { } script)
        {
            return null;
        }

        return faults.FailingTasks.Contains(gateway)
            ? new TaskRun(TimeSpan.FromSeconds(1), string.Empty, Failed: true, $"Failed to run the script on {gateway}: CPD on the gateway did not respond")
            : gateways.RunScript(gateway, script);
    }

    private TaskRun? PutFile(JsonObject body, string gateway)
    {
        if (Text(body, "file-path") is not { } folder || Text(body, "file-name") is not { } name || Text(body, "file-content") is not { } content)
        {
            return null;
        }

        return faults.FailingTasks.Contains(gateway)
            ? new TaskRun(TimeSpan.FromSeconds(1), string.Empty, Failed: true, $"Failed to put the file on {gateway}: CPD on the gateway did not respond")
            : gateways.PutFile(gateway, folder.TrimEnd('/') + "/" + name, content);
    }

    private async Task ShowTaskAsync(HttpContext http, JsonObject body)
    {
        if (Text(body, "task-id") is not { } id || !_tasks.TryGetValue(id, out var task))
        {
            await ErrorAsync(http, 404, "generic_err_object_not_found", "Invalid parameter for [task-id]: the task was not found");
            return;
        }

        counters.CountFor(task.Gateway);
        var elapsed = gateways.Time.GetUtcNow() - task.Started;
        var cut = task.Run.Duration > gateways.ScriptLimit;
        var ends = cut ? gateways.ScriptLimit : task.Run.Duration;
        JsonObject detail;
        string status;
        int progress;
        if (task.Endless || elapsed < ends)
        {
            (status, progress) = ("in progress", ends > TimeSpan.Zero && !task.Endless ? (int)Math.Min(99, 100 * elapsed / ends) : 10);
            detail = new JsonObject { ["statusCode"] = status, ["gatewayName"] = task.Gateway };
        }
        else
        {
            var failed = cut || task.Run.Failed;
            (status, progress) = (failed ? "failed" : "succeeded", 100);
            detail = new JsonObject
            {
                ["statusCode"] = status,
                ["statusDescription"] = cut ? $"The script was stopped: it ran longer than {gateways.ScriptLimit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds" : task.Run.Description,
                ["gatewayName"] = task.Gateway,
                ["responseMessage"] = cut ? string.Empty : Convert.ToBase64String(Encoding.UTF8.GetBytes(task.Run.Output)),
            };
        }

        gateways.Advance();
        var reply = new JsonObject
        {
            ["tasks"] = new JsonArray(new JsonObject
            {
                ["task-id"] = task.Id,
                ["task-name"] = task.Name,
                ["status"] = status,
                ["progress-percentage"] = progress,
                ["suppressed"] = false,
                ["type"] = "CdmTaskNotification",
                ["task-details"] = new JsonArray(detail),
            }),
        };
        await ReplyAsync(http, 200, reply.ToJsonString());
    }

    private static string? Text(JsonObject body, string key) =>
        body[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static Task ErrorAsync(HttpContext http, int status, string code, string message) =>
        ReplyAsync(http, status, new JsonObject { ["code"] = code, ["message"] = message }.ToJsonString());

    private static async Task ReplyAsync(HttpContext http, int status, string json)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(json, http.RequestAborted);
    }
}
