using System.Text.Json.Serialization.Metadata;
using Cdt.Fleet.Management;
using Cdt.Formats;
using Cdt.Transport;

namespace Cdt.Management;

/// <summary>
/// The API session of a run, opened at the first call and logged out at dispose. A refused login
/// (wrong secret, certificate) is kept and never tried again, so a run cannot lock the account out;
/// a server that did not answer is tried again at the next command. A session the server ended (its
/// idle time-out during a long wait, a restart) is replaced once by a new login, and the refused
/// call, which did nothing, is sent again. Calls that start a task and <c>show-task</c> until it
/// ends, every failure a <see cref="CommandResult"/>.
/// </summary>
public sealed class GatewayCalls(ManagementSettings settings, Func<string, string?> environment, TimeProvider time) : IAsyncDisposable
{
    private readonly SemaphoreSlim _login = new(1, 1);
    private readonly List<ManagementSession> _ended = [];
    private ManagementSession? _session;
    private CommandResult? _refused;

    public ManagementSettings Settings => settings;

    /// <summary>Starts a task (<c>run-script</c>, <c>put-file</c>) and follows it to its end, within <paramref name="timeout"/> and the script limit.</summary>
    public async Task<(TaskReply? Task, CommandResult? Failure)> RunTaskAsync<TBody>(string call, TBody body, JsonTypeInfo<TBody> bodyType, string gateway, TimeSpan timeout, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var (session, failure) = await SessionAsync(ct);
        if (session is null)
        {
            return (null, failure);
        }

        var start = await CallAsync(session, call, body, bodyType, ManagementJsonContext.Default.TaskStartReply, ct);
        if (start.Failure is { } refused)
        {
            return (null, CommandResult.Failed(ErrorOf(start.Kind!.Value), refused, time.GetElapsedTime(started)));
        }

        if (start.Reply!.Id is not { } id)
        {
            return (null, CommandResult.Failed(TransportError.Unreachable, ManagementFault.Of(settings.Name, call, "unexpected reply: no task-id").Message));
        }

        var limit = timeout < settings.ScriptLimit ? timeout : settings.ScriptLimit;
        while (true)
        {
            // Another call may have replaced the session the task was started in.
            session = _session ?? session;
            var shown = await CallAsync(session, "show-task", new ShowTaskBody { TaskId = id }, ManagementJsonContext.Default.ShowTaskBody, ManagementJsonContext.Default.ShowTaskReply, ct);
            var elapsed = time.GetElapsedTime(started);
            if (shown.Failure is { } lost)
            {
                // The command may be running on the gateway; cdt lost sight of it, as when a connection drops.
                return (null, CommandResult.Failed(TransportError.Dropped, $"{call} on {gateway} started, then: {lost}", elapsed));
            }

            if (shown.Reply!.Tasks?.FirstOrDefault() is not { } task)
            {
                return (null, CommandResult.Failed(TransportError.Dropped, ManagementFault.Of(settings.Name, "show-task", "unexpected reply: no task").Message, elapsed));
            }

            if (!TaskOutcome.IsRunning(task))
            {
                return (task, null);
            }

            if (elapsed >= limit)
            {
                return (null, timeout > settings.ScriptLimit
                    ? CommandResult.Failed(TransportError.Dropped, $"{call} on {gateway} still running after {DurationText.Format(settings.ScriptLimit)}, the longest the management server runs a script (script_limit): followed up as after a dropped connection", elapsed)
                    : CommandResult.Failed(TransportError.Timeout, $"no answer within {DurationText.Format(timeout)}; the task goes on on the management server", elapsed));
            }

            var pause = limit - elapsed;
            await Task.Delay(pause < settings.TaskPoll ? pause : settings.TaskPoll, time, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Ended sessions are disposed only now: calls of other targets may still have been using their client.
        foreach (var session in _ended.Append(_session).OfType<ManagementSession>())
        {
            await session.DisposeAsync();
        }

        _login.Dispose();
    }

    /// <summary>One call; when the server refuses the session, once more in a new session.</summary>
    private async Task<ApiResult<TReply>> CallAsync<TBody, TReply>(ManagementSession session, string call, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TReply> replyType, CancellationToken ct)
        where TReply : class
    {
        var result = await session.TryPostAsync(call, body, bodyType, replyType, ct);
        if (result.Kind != ApiFailureKind.SessionRefused)
        {
            return result;
        }

        var (fresh, _) = await SessionAsync(ct, ended: session);
        return fresh is null || fresh == session ? result : await fresh.TryPostAsync(call, body, bodyType, replyType, ct);
    }

    /// <param name="ended">A session the server refused: replaced by a new login unless another call already did.</param>
    private async Task<(ManagementSession? Session, CommandResult? Failure)> SessionAsync(CancellationToken ct, ManagementSession? ended = null)
    {
        await _login.WaitAsync(ct);
        try
        {
            if (ended is not null && _session == ended)
            {
                _ended.Add(ended);
                _session = null;
            }

            if (_session is not null || _refused is not null)
            {
                return (_session, _refused);
            }

            var (session, failure) = await new ManagementClient(settings, environment).TryLoginAsync(ct);
            if (session is not null)
            {
                return (_session = session, null);
            }

            var result = CommandResult.Failed(ErrorOf(failure!.Kind!.Value), failure.Failure!);
            _refused = failure.Kind == ApiFailureKind.NoAnswer ? null : result;
            return (null, result);
        }
        finally
        {
            _login.Release();
        }
    }

    /// <summary>
    /// A call refused before any task started: nothing ran on the gateway. The server's silence and its
    /// refusals (a locked object, an unknown gateway) leave the gateway unreached; a refused login is an
    /// authentication failure; a certificate that does not match the pin is a host key mismatch.
    /// </summary>
    private static TransportError ErrorOf(ApiFailureKind kind) => kind switch
    {
        ApiFailureKind.Certificate => TransportError.HostKeyMismatch,
        ApiFailureKind.LoginRefused or ApiFailureKind.SessionRefused => TransportError.AuthenticationFailed,
        _ => TransportError.Unreachable,
    };
}
