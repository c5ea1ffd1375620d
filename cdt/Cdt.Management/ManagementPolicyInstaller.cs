using Cdt.Config;
using Cdt.Diagnostics;
using Cdt.Execution.Policy;
using Cdt.Fleet.Management;

namespace Cdt.Management;

/// <summary>
/// Installs policies through the Management API: <c>install-policy</c> on the unit's object, then
/// <c>show-task</c> until the task ends. One session for the run, opened before the run touches
/// anything, opened again when the server ended it, logged out at the end; calls go one at a time.
/// A refused call is a value naming the server and the call, never an exception.
/// </summary>
public sealed class ManagementPolicyInstaller(ManagementClient client, ManagementSettings settings) : IPolicyInstaller
{
    private const string InstallCall = "install-policy";
    private const string TaskCall = "show-task";
    private const string ListCall = "show-gateways-and-servers";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private ManagementSession? _session;
    private Dictionary<string, string?>? _packages;

    /// <summary>Logs in (a wrong key or an unreachable server shows now, not after a package), and without <c>policy_package</c> checks that the server lists a policy package for every object.</summary>
    public async Task<string?> PrepareAsync(IReadOnlyList<string> objects, string? package, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            _session ??= (ManagementSession)await client.LoginAsync(ct);
            if (package is not null)
            {
                return null;
            }

            var packages = await PackagesAsync(ct);
            var missing = objects.Where(o => packages.GetValueOrDefault(o) is null).ToList();
            return missing.Count == 0 ? null : ManagementFault.Of(settings.Name, ListCall, $"the server lists no policy package for {Names(missing)} (no 'policy' with an 'access-policy-name'): set execute.policy_package in cdt.conf, or install_policy: none").Message;
        }
        catch (CdtInputException e)
        {
            return e.Message;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<PolicyStart> StartAsync(PolicyRequest request, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var package = request.Package ?? (await PackagesAsync(ct)).GetValueOrDefault(request.Targets[0]);
            if (package is null)
            {
                return PolicyStart.Refused(ManagementFault.Of(settings.Name, InstallCall, $"the server lists no policy package for {request.Targets[0]} (no 'policy' with an 'access-policy-name'): set execute.policy_package in cdt.conf").Message);
            }

            var body = Body(request, package);
            var reply = await CallAsync(s => s.PostAsync(InstallCall, body, ManagementJsonContext.Default.InstallPolicyBody, ManagementJsonContext.Default.PolicyTaskIdReply, ct), ct);
            return reply.TaskId is { Length: > 0 } task
                ? PolicyStart.Of(task, package)
                : PolicyStart.Refused(ManagementFault.Of(settings.Name, InstallCall, "unexpected reply: no 'task-id'").Message);
        }
        catch (CdtInputException e)
        {
            return PolicyStart.Refused(Hint(e.Message));
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<PolicyProgress> ShowAsync(string taskId, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var body = new PolicyShowTaskBody { TaskId = taskId };
            var reply = await CallAsync(s => s.PostOrNullAsync(TaskCall, body, ManagementJsonContext.Default.PolicyShowTaskBody, ManagementJsonContext.Default.PolicyShowTaskReply, ct), ct);
            if (reply is null)
            {
                return PolicyProgress.Failed(ManagementFault.Of(settings.Name, TaskCall, $"the server does not know task {taskId}").Message);
            }

            if (reply.Tasks?.FirstOrDefault(t => t.TaskId is null || t.TaskId == taskId) is not { Status: { } status } task)
            {
                return PolicyProgress.Unknown(ManagementFault.Of(settings.Name, TaskCall, "unexpected reply: no 'tasks' with a 'status'").Message);
            }

            var detail = task.TaskDetails?.Select(d => d.StatusDescription).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d)) ?? task.Comments;
            var said = $"{status}{(task.ProgressPercentage is { } p ? $" ({p}%)" : string.Empty)}{(string.IsNullOrWhiteSpace(detail) ? string.Empty : ": " + detail)}";
            return status switch
            {
                "in progress" => PolicyProgress.Running(said),
                "succeeded" or "succeeded with warnings" => PolicyProgress.Succeeded(said),
                "failed" or "partially succeeded" => PolicyProgress.Failed($"task {taskId} {said}"),
                _ => PolicyProgress.Unknown($"task {taskId} has the status '{status}', which cdt does not know"),
            };
        }
        catch (CdtInputException e)
        {
            // The task runs on the server whatever happened to this call: look again until the time-out.
            return PolicyProgress.Unknown(e.Message);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_session is { } session)
        {
            _session = null;
            await session.DisposeAsync();
        }

        _gate.Dispose();
    }

    /// <summary>
    /// A call in the run's session. A session the server ended (HTTP 401/403: the call was not
    /// carried out, as after the server's idle time-out between two units) is opened again, once;
    /// any other refusal leaves the session as it is, for the next call.
    /// </summary>
    private async Task<T> CallAsync<T>(Func<ManagementSession, Task<T>> call, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            _session ??= (ManagementSession)await client.LoginAsync(ct);
            try
            {
                return await call(_session);
            }
            catch (CdtInputException e) when (attempt == 1 && e.Message.Contains(": the session was refused,", StringComparison.Ordinal))
            {
                var ended = _session;
                _session = null;
                await ended.DisposeAsync();
            }
        }
    }

    /// <summary>Each object's policy package as the server lists it, read once per run (every page, as the inventory reads it).</summary>
    private async Task<Dictionary<string, string?>> PackagesAsync(CancellationToken ct)
    {
        if (_packages is null)
        {
            var packages = new Dictionary<string, string?>(StringComparer.Ordinal);
            var offset = 0;
            while (true)
            {
                var from = offset;
                var page = await CallAsync(s => s.ShowGatewaysAndServersAsync(from, settings.PageSize, ct), ct);
                foreach (var o in page.Objects)
                {
                    packages.TryAdd(o.Name, o.PolicyPackage);
                }

                if (page.Objects.Count == 0 || page.To >= page.Total)
                {
                    break;
                }

                offset = page.To;
            }

            _packages = packages;
        }

        return _packages;
    }

    private static string Names(List<string> names) =>
        string.Join(", ", names.Take(5)) + (names.Count > 5 ? $" and {names.Count - 5} more" : string.Empty);

    private static InstallPolicyBody Body(PolicyRequest request, string package)
    {
        var body = new InstallPolicyBody { PolicyPackage = package, Targets = [.. request.Targets] };
        if (request.Policies != PolicyInstall.All)
        {
            // Named policies only: a policy left out would be installed whenever the package enables it.
            (body.Access, body.ThreatPrevention, body.Qos, body.DesktopSecurity) = (true, request.Policies == PolicyInstall.AccessThreat, false, false);
        }

        return body;
    }

    private static string Hint(string message) =>
        message.Contains("generic_err_object_locked", StringComparison.Ordinal)
            ? message + "; another administrator's session holds a lock: publish or discard that session in SmartConsole, then install the policy again"
            : message;
}
