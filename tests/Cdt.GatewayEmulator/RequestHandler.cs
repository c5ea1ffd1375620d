using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cdt.Fleet;
using Cdt.Gaia;
using Cdt.Simulation;
using Cdt.Transport;

namespace Cdt.GatewayEmulator;

/// <summary>
/// Answers the requests of <c>gateway-shell</c> and the stubs: which gateway an address is, a
/// Clish command line, a stub's command (file copies with <c>dd of=</c> and reads with <c>cat</c>
/// against the gateway's folder, everything else through the same <see cref="GaiaSimulator"/> the
/// in-process simulator uses), what the restricted shell refused, and snapshots of the state.
/// A command takes its simulated time, scaled to the wall clock, before it is answered.
/// </summary>
public sealed class RequestHandler
{
    private const int KeepContentBelow = 256 * 1024;
    private readonly FleetHost _fleet;

    public RequestHandler(FleetHost fleet)
    {
        _fleet = fleet;
    }

    private EmulatorState State => _fleet.State;

    /// <summary>One request (its first word says what) to its one-line answer.</summary>
    public async Task<string> HandleAsync(string[] words, CancellationToken ct) => words switch
    {
        ["open", var address] => await OpenAsync(address, ct),
        ["clish", var gateway, var session, var line] => await DeliverAsync(await _fleet.UpdateAsync((w, now) => new GaiaSimulator(w).Execute(gateway, line, now), ct), null, session, ct),
        ["run", var gateway, var session, .. var command] when command.Length > 0 => await RunAsync(gateway, session, command, ct),
        ["refused", var gateway, var text] => await _fleet.UpdateAsync((w, _) => Record(w, gateway, text), ct),
        ["snapshot"] => await SnapshotAsync(ct),
        _ => "2",
    };

    private async Task<string> OpenAsync(string address, CancellationToken ct) => await _fleet.UpdateAsync(
        (w, now) =>
        {
            var g = w.Gateways.Values.FirstOrDefault(x => x.Address == address);
            return g is null ? "unknown"
                : g.Has(Fault.Unreachable) || g.IsRebooting(now) ? "down"
                : (g.Shell == LoginShell.Clish ? "clish " : "expert ") + g.Name;
        },
        ct);

    private async Task<string> RunAsync(string gateway, string session, string[] command, CancellationToken ct)
    {
        if (command[0] == "dd")
        {
            return await ReceiveAsync(gateway, session, command, ct);
        }

        if (command is ["cat", var path] && DiskPath(gateway, path) is { } disk && File.Exists(disk))
        {
            return await DeliverAsync(SimReply.Ok(), await File.ReadAllBytesAsync(disk, ct), session, ct);
        }

        // A command bash did not find goes to the simulator too, which answers what Gaia knows
        // (the login-shell probe) and records everything else as refused.
        var words = command[0] == ShellScripts.NotFound ? command[1..] : command;
        var line = string.Join(" ", words.Select(QuoteIfNeeded));
        return await DeliverAsync(await _fleet.UpdateAsync((w, now) => new GaiaSimulator(w).Execute(gateway, line, now), ct), null, session, ct);
    }

    private async Task<string> ReceiveAsync(string gateway, string session, string[] command, CancellationToken ct)
    {
        var target = command.Skip(1).FirstOrDefault(w => w.StartsWith("of=", StringComparison.Ordinal))?[3..];
        if (target is null || DiskPath(gateway, target) is not { } disk)
        {
            return await DeliverAsync(SimReply.Fail(1, "dd: the emulated dd needs of=ABSOLUTE_PATH\n"), null, session, ct);
        }

        var stdin = Path.Combine(session, "stdin");
        var bytes = File.Exists(stdin) ? await File.ReadAllBytesAsync(stdin, ct) : [];
        var md5 = Convert.ToHexStringLower(MD5.HashData(bytes));
        var reply = await _fleet.UpdateAsync((w, now) => new GaiaSimulator(w).ReceiveFile(gateway, target, md5, bytes.Length, bytes.Length < KeepContentBelow ? bytes : null, now), ct);
        if (reply.Answered())
        {
            Directory.CreateDirectory(Path.GetDirectoryName(disk)!);
            await File.WriteAllBytesAsync(disk, bytes, ct);
        }

        return await DeliverAsync(reply, null, session, ct);
    }

    /// <summary>Waits the command's time, then leaves its output in the session folder; the answer is its exit code, or "drop".</summary>
    private async Task<string> DeliverAsync(SimReply reply, byte[]? rawStdout, string session, CancellationToken ct)
    {
        await Task.Delay(State.Clock.Wall(reply.Duration), ct);
        if (!reply.Answered())
        {
            return "drop";
        }

        await File.WriteAllBytesAsync(Path.Combine(session, "out"), rawStdout ?? Encoding.UTF8.GetBytes(reply.Stdout), ct);
        await File.WriteAllTextAsync(Path.Combine(session, "err"), reply.Stderr, ct);
        return reply.Exit.ToString(CultureInfo.InvariantCulture);
    }

    private async Task<string> SnapshotAsync(CancellationToken ct)
    {
        await _fleet.SaveAsync(ct);
        return "0";
    }

    private static string Record(SimWorld world, string gateway, string text)
    {
        world.RefusedCommands.Add(gateway + ": " + text);
        return "0";
    }

    /// <summary>Plain words stay as they are, so the record of commands reads like what cdt sent.</summary>
    private static string QuoteIfNeeded(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or '=' or ':' or ',' or '+' or '@' or '%')
            ? word
            : ShellQuote.Single(word);

    /// <summary>The gateway's file inside its folder of the state; null for a path that could leave it.</summary>
    private string? DiskPath(string gateway, string remotePath) =>
        RemoteValues.IsAbsolutePath(remotePath) && Names.IsObjectName(gateway) ? Path.Combine(State.FilesOf(gateway), remotePath.TrimStart('/')) : null;
}
