using Cdt.Fleet;
using Cdt.Fleet.Management;
using Cdt.Gaia;
using Cdt.Storage;
using Cdt.Transport;

namespace Cdt.Management;

/// <summary>
/// <c>transport: management</c>: the remote shell through the management server, with no SSH from
/// cdt to any gateway. Each command is a <c>run-script</c> on the gateway, named by its object name,
/// followed with <c>show-task</c> until it ends; its output (base64 in the task) and its exit status
/// become the result. Files go with <c>put-file</c> (see <see cref="ManagementFileCopy"/>). One API
/// session for the run, logged out at dispose.
/// </summary>
public sealed class ManagementShell : IRemoteShell
{
    private readonly GatewayCalls _calls;
    private readonly ManagementFileCopy _files;
    private readonly TimeProvider _time;

    public ManagementShell(ManagementSettings settings, Func<string, string?> environment, TimeProvider time, IFileStore files)
    {
        _time = time;
        _calls = new GatewayCalls(settings, environment, time);
        _files = new ManagementFileCopy(_calls, files, RunScriptAsync);
    }

    /// <summary>The decoding command reads the copy's MD5 back, as over SSH.</summary>
    public bool ChecksSentFiles => true;

    public async Task<CommandResult> RunAsync(Target target, string command, TimeSpan timeout, CancellationToken ct) =>
        (await RunScriptAsync(target, command, timeout, ct)).Answer;

    public Task<CommandResult> SendFileAsync(Target target, string localPath, string remotePath, TimeSpan timeout, CancellationToken ct) =>
        _files.SendAsync(target, localPath, remotePath, timeout, ct);

    public Task<CommandResult> FetchFileAsync(Target target, string remotePath, string localPath, TimeSpan timeout, CancellationToken ct) =>
        _files.FetchAsync(target, remotePath, localPath, timeout, ct);

    public ValueTask DisposeAsync() => _calls.DisposeAsync();

    private async Task<(CommandResult Answer, byte[]? Output)> RunScriptAsync(Target target, string command, TimeSpan timeout, CancellationToken ct)
    {
        if (!Names.IsObjectName(target.Name))
        {
            return (CommandResult.Failed(TransportError.Unreachable, $"'{RemoteValues.Printable(target.Name)}' is not an object name the management server can target"), null);
        }

        var started = _time.GetTimestamp();
        var body = new RunScriptBody { ScriptName = "cdt", Script = ScriptFraming.Wrap(command), Targets = [target.Name] };
        var (task, failure) = await _calls.RunTaskAsync("run-script", body, ManagementJsonContext.Default.RunScriptBody, target.Name, timeout, ct);
        return task is null ? (failure!, null) : TaskOutcome.OfScript(task, target.Name, _time.GetElapsedTime(started), _calls.Settings.ScriptLimit);
    }
}
