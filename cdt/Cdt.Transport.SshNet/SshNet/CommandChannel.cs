using System.Globalization;
using Cdt.Formats;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Cdt.Transport.SshNet;

/// <summary>
/// Runs one command on its own channel of a gateway's connection: stdin fed from a file (or closed
/// at once), stdout and stderr drained as they come, the time-out measured on the run's clock but
/// never shorter than the connect time-out of wall-clock time. Exit status 255, or a channel that
/// closes without one, is a dropped connection, as the OpenSSH client reports it.
/// </summary>
public sealed class CommandChannel
{
    /// <summary>How long to wait for the output to end once the command did.</summary>
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(5);

    private readonly TimeProvider _time;
    private readonly TimeSpan _minimumWallTime;
    private readonly int _maxOutput;

    public CommandChannel(TimeProvider time, TimeSpan minimumWallTime, int maxOutput)
    {
        _time = time;
        _minimumWallTime = minimumWallTime;
        _maxOutput = maxOutput;
    }

    public async Task<CommandResult> RunAsync(SshClient client, Target target, string command, TimeSpan timeout, string? stdinFile, Stream? stdoutSink, CancellationToken ct)
    {
        var started = _time.GetTimestamp();
        var stdout = new OutputCapture(_maxOutput, stdoutSink);
        var stderr = new OutputCapture(_maxOutput, null);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var stopTimers = new CancellationTokenSource();
        SshCommand? channel = null;
        try
        {
            channel = client.CreateCommand(command);
            var run = channel.ExecuteAsync(stop.Token);
            var readers = Task.WhenAll(stdout.DrainAsync(channel.OutputStream, CancellationToken.None), stderr.DrainAsync(channel.ExtendedOutputStream, CancellationToken.None), FeedAsync(channel, stdinFile, stop.Token));
            var expired = Task.WhenAll(Task.Delay(timeout, _time, stopTimers.Token), Task.Delay(_minimumWallTime, TimeProvider.System, stopTimers.Token));
            if (await Task.WhenAny(run, expired) == expired && expired.IsCompletedSuccessfully && !run.IsCompleted)
            {
                await stop.CancelAsync();
                await Quietly(run);
                return CommandResult.Failed(TransportError.Timeout, "no answer within " + DurationText.Format(timeout) + "; the command was stopped", _time.GetElapsedTime(started));
            }

            await run;
            await Quietly(readers.WaitAsync(DrainGrace, CancellationToken.None));
            return Result(channel, target, stdout, stderr, _time.GetElapsedTime(started));
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is SshException or ObjectDisposedException or InvalidOperationException or IOException or OperationCanceledException)
        {
            return CommandResult.Failed(TransportError.Dropped, $"Connection to {target.Host} closed by remote host.", _time.GetElapsedTime(started));
        }
        finally
        {
            await stopTimers.CancelAsync();
            channel?.Dispose();
        }
    }

    private CommandResult Result(SshCommand channel, Target target, OutputCapture stdout, OutputCapture stderr, TimeSpan duration)
    {
        var err = stderr.Text();
        if (stdout.Dropped || stderr.Dropped)
        {
            err += $"\n[cdt: output beyond {_maxOutput.ToString(CultureInfo.InvariantCulture)} bytes was dropped]\n";
        }

        if (channel.ExitStatus is not { } code || code == 255)
        {
            var said = err.Trim();
            return CommandResult.Failed(TransportError.Dropped, said.Length > 0 ? said : $"Connection to {target.Host} closed by remote host.", duration);
        }

        return new CommandResult { ExitCode = code, Stdout = stdout.Text(), Stderr = err, Duration = duration };
    }

    private static async Task FeedAsync(SshCommand channel, string? file, CancellationToken ct)
    {
        await using var input = channel.CreateInputStream();
        if (file is not null)
        {
            await using var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
            await source.CopyToAsync(input, ct);
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception e) when (e is SshException or ObjectDisposedException or InvalidOperationException or IOException or OperationCanceledException or TimeoutException)
        {
            // The channel is being torn down: what was read so far is all there is.
        }
    }
}
