using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Cdt.Transport;

namespace Cdt.Simulation;

/// <summary>
/// The in-process remote shell: every command is answered by the <see cref="GaiaSimulator"/>, and
/// takes its simulated duration on the given <see cref="TimeProvider"/> (a scaled clock in the
/// demo, a manual one in tests), so a 20-minute install takes milliseconds. Every change to the
/// world is handed to <c>changed</c> (which saves it) before the command's answer comes back, so
/// what cdt journals after a command, the saved world already holds.
/// </summary>
public sealed class SimulatorShell : IRemoteShell
{
    private const int KeepContentBelow = 256 * 1024;
    private readonly GaiaSimulator _simulator;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly Action<SimWorld>? _changed;
    private readonly ConcurrentDictionary<string, (string Md5, long Size, byte[]? Content)> _localFiles = new(StringComparer.Ordinal);

    public SimulatorShell(SimWorld world, TimeProvider time, Action<SimWorld>? changed = null)
    {
        _simulator = new GaiaSimulator(world);
        _time = time;
        _changed = changed;
    }

    public SimWorld World => _simulator.World;

    public async Task<CommandResult> RunAsync(Target target, string command, TimeSpan timeout, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        SimReply reply;
        lock (_gate)
        {
            reply = _simulator.Execute(target.Name, command, _time.GetUtcNow());
            _changed?.Invoke(World);
        }

        return await Finish(reply, timeout, ct);
    }

    public async Task<CommandResult> SendFileAsync(Target target, string localPath, string remotePath, TimeSpan timeout, CancellationToken ct)
    {
        if (!File.Exists(localPath))
        {
            return new CommandResult { ExitCode = 1, Stderr = $"local file not found: {localPath}" };
        }

        ct.ThrowIfCancellationRequested();
        var (md5, size, content) = _localFiles.GetOrAdd(localPath, Describe);
        SimReply reply;
        string? there = null;
        lock (_gate)
        {
            reply = _simulator.ReceiveFile(target.Name, remotePath, md5, size, content, _time.GetUtcNow());
            if (reply.Answered() && reply.Exit == 0)
            {
                there = World.Find(target.Name)?.Files.GetValueOrDefault(remotePath)?.Md5;
            }
            _changed?.Invoke(World);
        }

        var result = await Finish(reply, timeout, ct);
        return !result.Succeeded || there == md5
            ? result
            : result with { ExitCode = 1, Stderr = $"checksum mismatch after copying to {remotePath}: sent md5 {md5}, the gateway has {there ?? "none"}" };
    }

    /// <summary>As the SSH transports: the copy's MD5 is read back in the same round trip, and a mismatch fails the send.</summary>
    public bool ChecksSentFiles => true;

    public async Task<CommandResult> FetchFileAsync(Target target, string remotePath, string localPath, TimeSpan timeout, CancellationToken ct)
    {
        SimReply reply;
        byte[]? bytes = null;
        lock (_gate)
        {
            reply = _simulator.Execute(target.Name, "test -f " + ShellQuote.Single(remotePath), _time.GetUtcNow());
            var g = World.Find(target.Name);
            if (reply.Answered() && g is not null)
            {
                bytes = g.ReadFile(remotePath);
            }
        }

        if (!reply.Answered())
        {
            return await Finish(reply, timeout, ct);
        }

        if (bytes is null)
        {
            return new CommandResult { ExitCode = 1, Stderr = $"scp: {remotePath}: No such file or directory" };
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(localPath))!;
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(localPath, bytes);
        return await Finish(SimReply.Ok(duration: TimeSpan.FromSeconds(2)), timeout, ct);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<CommandResult> Finish(SimReply reply, TimeSpan timeout, CancellationToken ct)
    {
        var started = _time.GetUtcNow();
        if (reply.Duration > timeout)
        {
            await Task.Delay(timeout, _time, ct);
            return CommandResult.Failed(TransportError.Timeout, "command timed out after " + Cdt.Formats.DurationText.Format(timeout), timeout);
        }

        if (reply.Duration > TimeSpan.Zero)
        {
            await Task.Delay(reply.Duration, _time, ct);
            lock (_gate)
            {
                World.AdvanceTo(_time.GetUtcNow());
                _changed?.Invoke(World);
            }
        }

        return reply.ToResult(_time.GetUtcNow() - started);
    }

    private static (string, long, byte[]?) Describe(string path)
    {
        using var stream = File.OpenRead(path);
        var size = stream.Length;
        var md5 = Convert.ToHexStringLower(MD5.HashData(stream));
        return (md5, size, size < KeepContentBelow ? File.ReadAllBytes(path) : null);
    }
}
