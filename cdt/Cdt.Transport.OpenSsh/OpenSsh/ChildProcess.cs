using System.Buffers;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Cdt.Transport.OpenSsh;

/// <summary>
/// Runs a program with an argument list (never through a shell), feeds its stdin, captures stdout
/// and stderr up to a cap, and kills its whole process tree when the time-out passes. The only
/// place in cdt that starts processes.
/// </summary>
public static class ChildProcess
{
    /// <summary>How long to wait for the pipes to close after the process ended (a grandchild may hold them).</summary>
    private static readonly TimeSpan PipeGrace = TimeSpan.FromSeconds(5);

    public sealed record Request
    {
        public required string Program { get; init; }

        public required IReadOnlyList<string> Arguments { get; init; }

        /// <summary>Measured on the run's clock (which may be scaled in tests and demos).</summary>
        public required TimeSpan Timeout { get; init; }

        /// <summary>Never stopped before this much wall-clock time: process start-up and network round trips do not scale.</summary>
        public TimeSpan MinimumWallTime { get; init; }

        public int MaxOutput { get; init; } = 1024 * 1024;

        /// <summary>Sent to stdin, then stdin is closed; null closes it at once.</summary>
        public string? StdinFile { get; init; }

        /// <summary>When set, stdout is written here uncapped (file fetches) instead of being captured.</summary>
        public Stream? StdoutSink { get; init; }
    }

    public static async Task<ChildProcessResult> RunAsync(Request request, TimeProvider time, CancellationToken ct)
    {
        var info = new ProcessStartInfo(request.Program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in request.Arguments)
        {
            info.ArgumentList.Add(a);
        }

        var started = time.GetTimestamp();
        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            return new ChildProcessResult { ExitCode = 127, Stdout = [], Stderr = string.Empty, Duration = TimeSpan.Zero, StartError = $"cannot run '{request.Program}': {e.Message}" };
        }

        var stdout = new Capture(request.MaxOutput, request.StdoutSink);
        var stderr = new Capture(request.MaxOutput, null);
        using var stopFeeding = new CancellationTokenSource();
        var readers = Task.WhenAll(
            stdout.DrainAsync(process.StandardOutput.BaseStream),
            stderr.DrainAsync(process.StandardError.BaseStream),
            FeedAsync(process.StandardInput.BaseStream, request.StdinFile, stopFeeding.Token));
        var timedOut = await WaitAsync(process, request, time, ct);
        if (timedOut)
        {
            await stopFeeding.CancelAsync();
        }

        try
        {
            await readers.WaitAsync(PipeGrace, CancellationToken.None);
        }
        catch (Exception e) when (e is TimeoutException or IOException or OperationCanceledException)
        {
            // A background child kept a pipe open, the far end closed stdin early, or the feed was
            // cut by the time-out: what was read so far is the answer, and the exit code says the rest.
        }

        return new ChildProcessResult
        {
            ExitCode = process.ExitCode,
            Stdout = stdout.Bytes(),
            Stderr = Encoding.UTF8.GetString(stderr.Bytes()),
            Duration = time.GetElapsedTime(started),
            TimedOut = timedOut,
            Truncated = stdout.Dropped || stderr.Dropped,
        };
    }

    /// <summary>Waits for the exit; true when the time-out (and the wall-clock minimum) passed first and the tree was killed.</summary>
    private static async Task<bool> WaitAsync(Process process, Request request, TimeProvider time, CancellationToken ct)
    {
        using var stopTimers = new CancellationTokenSource();
        var expired = Task.WhenAll(Task.Delay(request.Timeout, time, stopTimers.Token), Task.Delay(request.MinimumWallTime, TimeProvider.System, stopTimers.Token));
        var exited = process.WaitForExitAsync(ct);
        try
        {
            if (await Task.WhenAny(exited, expired) == expired && expired.IsCompletedSuccessfully && !process.HasExited)
            {
                Kill(process);
                await process.WaitForExitAsync(CancellationToken.None);
                return true;
            }

            await exited;
            return false;
        }
        catch (OperationCanceledException)
        {
            // The operator stopped the run: nothing may keep running on its behalf.
            Kill(process);
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            await stopTimers.CancelAsync();
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended on its own meanwhile.
        }
    }

    private static async Task FeedAsync(Stream stdin, string? file, CancellationToken ct)
    {
        await using (stdin)
        {
            if (file is not null)
            {
                await using var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
                await source.CopyToAsync(stdin, ct);
            }
        }
    }

    private sealed class Capture(int max, Stream? sink)
    {
        private readonly ArrayBufferWriter<byte> _kept = new();

        public bool Dropped { get; private set; }

        public async Task DrainAsync(Stream source)
        {
            var buffer = new byte[64 * 1024];
            int n;
            while ((n = await source.ReadAsync(buffer)) > 0)
            {
                if (sink is not null)
                {
                    await sink.WriteAsync(buffer.AsMemory(0, n));
                    continue;
                }

                var room = max - _kept.WrittenCount;
                if (room > 0)
                {
                    _kept.Write(buffer.AsSpan(0, Math.Min(room, n)));
                }

                Dropped |= n > room;
            }
        }

        public byte[] Bytes() => _kept.WrittenSpan.ToArray();
    }
}
