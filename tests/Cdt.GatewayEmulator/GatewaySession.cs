using System.Text;
using Cdt.Fleet;

namespace Cdt.GatewayEmulator;

/// <summary>
/// One SSH session on an emulated gateway, as sshd's ForceCommand: finds the gateway by the local
/// address the client dialled, answers as a rebooting or unreachable one would (exit 255, which the
/// client reports as a dropped connection), else runs the command through the gateway's login
/// shell: Clish directly, Expert through a restricted bash with only stub commands on its PATH.
/// </summary>
public static class GatewaySession
{
    public static async Task<int> RunAsync(EmulatorState state, string? command, string? sshConnection, Stream stdout, TextWriter stderr, CancellationToken ct)
    {
        var address = sshConnection?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: >= 3 } parts ? parts[2] : null;
        var now = state.Now();
        var found = await state.ReadAsync(w =>
        {
            w.AdvanceTo(now);
            var g = w.Gateways.Values.FirstOrDefault(x => x.Address == address);
            return g is null ? null : new Found(g.Name, g.Shell, g.Has(Fault.Unreachable) || g.IsRebooting(now));
        }, ct);

        if (found is null)
        {
            await stderr.WriteLineAsync($"cdt gateway emulator: no emulated gateway has the address {address ?? "(no SSH_CONNECTION)"}");
            return 255;
        }

        if (found.Down)
        {
            return await DropAsync(stderr, address!);
        }

        if (command is null)
        {
            await stderr.WriteLineAsync("This emulated gateway " + found.Name + " runs commands only; interactive logins are not emulated.");
            return 1;
        }

        var handler = new RequestHandler(state, found.Name);
        if (found.Shell == LoginShell.Clish)
        {
            var reply = await handler.HandleLineAsync(command, ct);
            await Task.Delay(state.Clock.Wall(reply.Sim.Duration), ct);
            if (!reply.Sim.Answered())
            {
                return await DropAsync(stderr, address!);
            }

            await stdout.WriteAsync(Encoding.UTF8.GetBytes(reply.Sim.Stdout), ct);
            await stderr.WriteAsync(reply.Sim.Stderr);
            return reply.Sim.Exit;
        }

        var bash = new BashSession(state, handler, found.Name);
        var exit = await bash.RunAsync(command, stderr, ct);
        return exit ?? await DropAsync(stderr, address!);
    }

    /// <summary>What the OpenSSH client prints when the far end goes away; exit 255 is how it reports it.</summary>
    private static async Task<int> DropAsync(TextWriter stderr, string address)
    {
        await stderr.WriteLineAsync($"Connection to {address} closed by remote host.");
        return 255;
    }

    private sealed record Found(string Name, LoginShell Shell, bool Down);
}
