using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Cdt.ManagementEmulator;

/// <summary>
/// Answers one Management API call as MGMT-API.md describes it: <c>login</c> (user and password, or
/// <c>api-key</c>; <c>domain</c> on a Multi-Domain Server), then <c>X-chkp-sid</c> on every other
/// call, <c>logout</c>, <c>show-gateways-and-servers</c> (<c>limit</c>/<c>offset</c>, replies with
/// <c>from</c>/<c>to</c>/<c>total</c>) and <c>show-simple-cluster</c>.
/// </summary>
internal sealed class ApiHandler(ManagementWorld world, ManagementCredentials credentials)
{
    private const string ListCall = "show-gateways-and-servers";

    /// <summary>The reply of <see cref="EmulatorFaults.GarbledCall"/>: every field cdt reads has the wrong JSON type.</summary>
    private const string Garbled = """{ "sid": 42, "objects": { "name": "sting-gw" }, "total": "many", "cluster-mode": [ "cluster-xl-ha" ] }""";

    private readonly ConcurrentDictionary<string, int> _sessions = new(StringComparer.Ordinal);

    public EmulatorFaults Faults { get; } = new();

    public EmulatorCounters Counters { get; } = new();

    /// <summary>The gateway calls (run-script, put-file, show-task); null when the server has no gateways behind it.</summary>
    public GatewayEndpoints? Gateways { get; set; }

    public PolicyInstallations Policies { get; } = new();

    public int OpenSessions => _sessions.Count;

    public async Task HandleAsync(HttpContext http, string command)
    {
        Counters.Count(command);
        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null)
        {
            await ErrorAsync(http, 400, "generic_err_invalid_syntax", "Invalid JSON body: an object is expected");
            return;
        }

        if (Faults.HangingCall == command)
        {
            await HangAsync(http.RequestAborted);
            return;
        }

        if (command == "login")
        {
            await LoginAsync(http, body);
            return;
        }

        var sid = http.Request.Headers["X-chkp-sid"].ToString();
        if (sid.Length == 0)
        {
            await ErrorAsync(http, 401, "generic_err_missing_session_id", "Missing header: [X-chkp-sid]");
            return;
        }

        if (!_sessions.TryGetValue(sid, out var calls) || calls >= (Faults.ExpireSessionAfterCalls ?? int.MaxValue))
        {
            _sessions.TryRemove(sid, out _);
            // The real server echoes the session id it refuses: cdt must not print it back.
            await ErrorAsync(http, 401, "generic_err_wrong_session_id", $"Wrong session id [{sid}]. Session may be expired. Please check session id and resend the request");
            return;
        }

        _sessions[sid] = calls + 1;
        if (Faults.GarbledCall == command)
        {
            await ReplyAsync(http, 200, Garbled);
            return;
        }

        switch (command)
        {
            case "logout":
                _sessions.TryRemove(sid, out _);
                await ReplyAsync(http, 200, """{ "message" : "OK" }""");
                break;
            case ListCall:
                await PageAsync(http, body);
                break;
            case "show-simple-cluster":
                await SimpleClusterAsync(http, body);
                break;
            case "install-policy":
                await Policies.InstallAsync(http, body);
                break;
            case "show-task" when Policies.Knows(body):
                await Policies.ShowTaskAsync(http, body);
                break;
            case "run-script" or "put-file" or "show-task" when Gateways is not null:
                await Gateways.HandleAsync(http, command, body);
                break;
            default:
                await ErrorAsync(http, 404, "generic_err_command_not_found", $"Command {command} not found");
                break;
        }
    }

    private async Task LoginAsync(HttpContext http, JsonObject body)
    {
        var byKey = Text(body, "api-key") is { } key && key == credentials.ApiKey;
        var byPassword = Text(body, "user") == credentials.User && Text(body, "password") is { } p && p == credentials.Password;
        if (Faults.RefuseLogins || !(byKey || byPassword))
        {
            await ErrorAsync(http, 401, "err_login_failed", "Authentication to server failed.");
            return;
        }

        if (Text(body, "domain") is { } domain && !world.Domains.Contains(domain))
        {
            await ErrorAsync(http, 400, "err_login_failed", $"Login to domain [{domain}] failed: the domain was not found.");
            return;
        }

        var sid = Base64Url(RandomNumberGenerator.GetBytes(32));
        _sessions[sid] = 0;
        Counters.LoggedIn(sid);
        var reply = new JsonObject
        {
            ["sid"] = sid,
            ["url"] = $"https://{http.Request.Host}/web_api",
            ["session-timeout"] = 600,
            ["last-login-was-at"] = new JsonObject { ["posix"] = 1631716365111, ["iso-8601"] = "2021-09-15T16:32+0200" },
            ["read-only"] = body["read-only"]?.GetValue<bool>() ?? false,
            ["api-server-version"] = "2",
            ["user-name"] = Text(body, "user") ?? "api-key",
        };
        await ReplyAsync(http, 200, reply.ToJsonString());
    }

    private async Task PageAsync(HttpContext http, JsonObject body)
    {
        if (Text(body, "details-level") != "full")
        {
            await ErrorAsync(http, 400, "generic_err_invalid_parameter", "The emulator answers details-level full only, as cdt asks it");
            return;
        }

        var offset = Number(body, "offset") ?? 0;
        var limit = Number(body, "limit") ?? 50;
        var total = world.Objects.Count;
        var count = Math.Clamp(total - offset, 0, limit);
        if (Faults.ShortPageAtOffset == offset && count > 1)
        {
            count /= 2;
        }

        var page = new StringBuilder(count * 400 + 64);
        page.Append(CultureInfo.InvariantCulture, $"{{ \"from\": {(count == 0 ? 0 : offset + 1)}, \"to\": {offset + count}, \"total\": {total}, \"objects\": [");
        for (var i = 0; i < count; i++)
        {
            page.Append(i == 0 ? string.Empty : ",").Append(world.Objects[offset + i]);
        }

        await ReplyAsync(http, 200, page.Append("] }").ToString());
    }

    private async Task SimpleClusterAsync(HttpContext http, JsonObject body)
    {
        var name = Text(body, "name") ?? string.Empty;
        if (world.SimpleCluster(name) is { } reply)
        {
            await ReplyAsync(http, 200, reply);
        }
        else
        {
            await ErrorAsync(http, 404, "generic_err_object_not_found", $"Requested object [{name}] not found");
        }
    }

    private static async Task HangAsync(CancellationToken aborted)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, aborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up, as it should.
        }
    }

    private static string? Text(JsonObject body, string key) =>
        body[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static int? Number(JsonObject body, string key) =>
        body[key] is JsonValue v && v.TryGetValue<int>(out var n) ? n : null;

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static Task ErrorAsync(HttpContext http, int status, string code, string message) =>
        ReplyAsync(http, status, new JsonObject { ["code"] = code, ["message"] = message }.ToJsonString());

    private static async Task ReplyAsync(HttpContext http, int status, string json)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(json, http.RequestAborted);
    }
}
