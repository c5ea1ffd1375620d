using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Cdt.ManagementEmulator;

/// <summary>
/// <c>install-policy</c> and the <c>show-task</c> of its tasks: the body as the API reference gives
/// it (<c>policy-package</c>, <c>targets</c>, <c>access</c>, <c>threat-prevention</c>, ...), a
/// <c>task-id</c> in reply, then <c>in progress</c> for <see cref="PolicyFaults.PollsInProgress"/>
/// looks and <c>succeeded</c> or <c>failed</c>. Every installation is counted per target.
/// </summary>
public sealed class PolicyInstallations
{
    private readonly ConcurrentDictionary<string, PolicyTask> _tasks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _installs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<JsonObject> _requests = new();

    public PolicyFaults Faults { get; } = new();

    /// <summary>Installations started (accepted with a task) on this target.</summary>
    public int Installs(string target) => _installs.GetValueOrDefault(target);

    /// <summary><c>install-policy</c> calls naming this target, accepted or refused.</summary>
    public int Calls(string target) => _calls.GetValueOrDefault(target);

    /// <summary>The bodies of every <c>install-policy</c> call, accepted or not.</summary>
    public IReadOnlyCollection<JsonObject> Requests => _requests;

    /// <summary>Whether <c>show-task</c> asks about a task of a policy installation.</summary>
    public bool Knows(JsonObject body) => TaskId(body) is { } id && _tasks.ContainsKey(id);

    public async Task InstallAsync(HttpContext http, JsonObject body)
    {
        _requests.Enqueue((JsonObject)body.DeepClone());
        var package = body["policy-package"] is JsonValue p && p.TryGetValue<string>(out var name) ? name : null;
        var targets = body["targets"] is JsonArray list ? list.Select(t => t?.GetValue<string>() ?? string.Empty).ToList() : [];
        foreach (var t in targets)
        {
            _calls.AddOrUpdate(t, 1, (_, n) => n + 1);
        }
        if (package is null)
        {
            await ReplyAsync(http, 400, Error("generic_err_missing_required_parameters", "Missing parameter: [policy-package]"));
            return;
        }

        if (targets.FirstOrDefault(Faults.LockedTargets.Contains) is { } locked)
        {
            await ReplyAsync(http, 409, Error("generic_err_object_locked", $"Object [{locked}] is locked by another session (admin@SmartConsole)"));
            return;
        }

        foreach (var t in targets)
        {
            _installs.AddOrUpdate(t, 1, (_, n) => n + 1);
        }

        var id = Guid.NewGuid().ToString();
        var final = targets.Select(t => Faults.FinalStatus.GetValueOrDefault(t)).FirstOrDefault(f => f is not null);
        _tasks[id] = new PolicyTask(package, targets, targets.FirstOrDefault(Faults.FailingTargets.Contains), targets.Any(Faults.EndlessTargets.Contains), final);
        await ReplyAsync(http, 200, new JsonObject { ["task-id"] = id });
    }

    public async Task ShowTaskAsync(HttpContext http, JsonObject body)
    {
        var id = TaskId(body)!;
        var task = _tasks[id];
        var looks = task.Look();
        var running = task.Endless || looks <= Faults.PollsInProgress;
        var status = running ? "in progress" : task.FailsOn is not null ? "failed" : task.Final ?? "succeeded";
        var details = new JsonArray();
        if (!running)
        {
            foreach (var t in task.Targets)
            {
                var failed = t == task.FailsOn;
                details.Add(new JsonObject
                {
                    ["gatewayName"] = t,
                    ["statusCode"] = failed ? "failed" : "succeeded",
                    ["statusDescription"] = failed ? $"Policy verification failed on {t}: the installation was not completed" : "Policy installed",
                });
            }
        }

        var reply = new JsonObject
        {
            ["tasks"] = new JsonArray(new JsonObject
            {
                ["task-id"] = id,
                ["task-name"] = "Policy installation - " + task.Package,
                ["status"] = status,
                ["progress-percentage"] = running ? 50 : 100,
                ["suppressed"] = false,
                ["task-details"] = details,
            }),
        };
        await ReplyAsync(http, 200, reply);
    }

    private static string? TaskId(JsonObject body) => body["task-id"] is JsonValue v && v.TryGetValue<string>(out var id) ? id : null;

    private static JsonObject Error(string code, string message) => new() { ["code"] = code, ["message"] = message };

    private static async Task ReplyAsync(HttpContext http, int status, JsonObject json)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(json.ToJsonString(), http.RequestAborted);
    }

    private sealed class PolicyTask(string package, IReadOnlyList<string> targets, string? failsOn, bool endless, string? final)
    {
        private int _looks;

        public string Package => package;

        public IReadOnlyList<string> Targets => targets;

        public string? FailsOn => failsOn;

        public bool Endless => endless;

        public string? Final => final;

        public int Look() => Interlocked.Increment(ref _looks);
    }
}
