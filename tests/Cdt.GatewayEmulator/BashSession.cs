using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Cdt.GatewayEmulator;

/// <summary>
/// Runs an Expert-mode command line the way a gateway would, in <c>bash -r</c> (restricted: no
/// <c>/</c> in command names, no output redirection, PATH fixed) whose PATH holds only the stubs.
/// Each stub writes its words into the session's request pipe; this class answers them one at a
/// time through the <see cref="RequestHandler"/>. Whatever bash refuses is recorded as well.
/// </summary>
public sealed class BashSession
{
    private readonly EmulatorState _state;
    private readonly RequestHandler _handler;
    private readonly string _folder;
    private bool _dropped;

    public BashSession(EmulatorState state, RequestHandler handler, string gateway)
    {
        _state = state;
        _handler = handler;
        _folder = Path.Combine(state.SessionsFolder, Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + gateway);
    }

    /// <summary>bash's exit code, or null when the connection "dropped" in the middle (the caller exits 255).</summary>
    public async Task<int?> RunAsync(string command, TextWriter stderr, CancellationToken ct)
    {
        Directory.CreateDirectory(_folder);
        try
        {
            Fifo.Create(Path.Combine(_folder, "req"));
            Fifo.Create(Path.Combine(_folder, "resp"));
            await using var requests = Fifo.Open(Path.Combine(_folder, "req"));
            await using var responses = Fifo.Open(Path.Combine(_folder, "resp"));
            using var bash = Process.Start(StartInfo(command)) ?? throw new InvalidOperationException("bash did not start");
            var serving = ServeAsync(bash, requests, responses, ct);
            var errors = CopyErrorsAsync(bash.StandardError, stderr, ct);
            await bash.WaitForExitAsync(ct);

            // The request pipe is open read-write here, so it never ends by itself: a count of 0 stops the loop.
            await requests.WriteAsync("0\0"u8.ToArray(), ct);
            await Task.WhenAll(serving, errors);
            return _dropped ? null : bash.ExitCode;
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private ProcessStartInfo StartInfo(string command)
    {
        var info = new ProcessStartInfo("/bin/bash") { UseShellExecute = false, RedirectStandardError = true };
        info.ArgumentList.Add("-r");
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        info.Environment.Clear();
        info.Environment["PATH"] = _state.StubsFolder;
        info.Environment["BASH_ENV"] = _state.BashEnvPath;
        info.Environment["CDT_EMU_SESSION"] = _folder;
        info.Environment["LANG"] = "C";
        return info;
    }

    private async Task ServeAsync(Process bash, Stream requests, Stream responses, CancellationToken ct)
    {
        var reader = new NulReader(requests);
        while (await reader.ReadRequestAsync(ct) is { Count: > 0 } words)
        {
            var reply = await _handler.HandleAsync(words, _folder, ct);
            await Task.Delay(_state.Clock.Wall(reply.Sim.Duration), ct);
            if (!reply.Sim.Answered())
            {
                _dropped = true;
                bash.Kill(entireProcessTree: true);
                return;
            }

            await File.WriteAllBytesAsync(Path.Combine(_folder, "out"), reply.RawStdout ?? Encoding.UTF8.GetBytes(reply.Sim.Stdout), ct);
            await File.WriteAllTextAsync(Path.Combine(_folder, "err"), reply.Sim.Stderr, ct);
            await responses.WriteAsync(Encoding.ASCII.GetBytes(reply.Sim.Exit.ToString(CultureInfo.InvariantCulture) + "\n"), ct);
        }
    }

    private async Task CopyErrorsAsync(StreamReader from, TextWriter to, CancellationToken ct)
    {
        while (await from.ReadLineAsync(ct) is { } line)
        {
            if (line.Contains(": restricted", StringComparison.Ordinal))
            {
                await _handler.RecordRefusalAsync("bash -r: " + line, ct);
            }

            await to.WriteLineAsync(line);
        }
    }
}
