using System.Globalization;
using System.Text;
using Cdt.Fleet;
using Cdt.Transport;

namespace Cdt.Simulation;

/// <summary>
/// Answers command lines as a Gaia gateway would, from the <see cref="SimWorld"/>. The same code
/// serves the in-process simulator and the SSH gateway emulator, so both behave the same.
/// Expert-mode (bash) commands here; Clish ones in the other part of this class.
/// </summary>
public sealed partial class GaiaSimulator
{
    /// <summary>Longer than any time-out cdt gives a command.</summary>
    public static readonly TimeSpan HangDuration = TimeSpan.FromDays(7);

    private readonly SimWorld _world;

    public GaiaSimulator(SimWorld world)
    {
        _world = world;
    }

    public SimWorld World => _world;

    /// <summary>Runs one command line on a gateway at simulated time <paramref name="now"/>.</summary>
    public SimReply Execute(string gatewayName, string commandLine, DateTimeOffset now)
    {
        _world.AdvanceTo(now);
        var g = _world.Find(gatewayName);
        if (g is null)
        {
            return SimReply.Transport(TransportError.Unreachable, $"ssh: connect to host {gatewayName}: No route to host");
        }

        if (g.Has(Fault.Unreachable) || g.IsRebooting(now))
        {
            return SimReply.Transport(TransportError.Unreachable, $"ssh: connect to host {g.Address} port 22: Connection refused");
        }

        if (g.Has(Fault.Hang))
        {
            return SimReply.Ok(duration: HangDuration);
        }

        if (_world.RecordCommands)
        {
            _world.CommandLog.Add(g.Name + ": " + commandLine);
        }

        if (g.Shell == LoginShell.Clish)
        {
            return Clish(g, commandLine, now);
        }

        if (!ShellLexer.TryParse(commandLine, out var steps, out var error))
        {
            return Refuse(g, commandLine, "bash: refused by the simulator: " + error);
        }

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var total = TimeSpan.Zero;
        var last = SimReply.Ok();
        var connector = string.Empty;
        foreach (var step in steps)
        {
            var run = connector switch
            {
                "&&" => last.Exit == 0,
                "||" => last.Exit != 0,
                _ => true,
            };
            connector = step.Connector;
            if (!run)
            {
                continue;
            }

            last = Expert(g, step.Words, commandLine, now + total);
            stdout.Append(step.DropStdout ? string.Empty : last.Stdout);
            stderr.Append(step.DropStderr ? string.Empty : last.Stderr);
            total += last.Duration;
            if (last.Error != TransportError.None)
            {
                return last with { Stdout = stdout.ToString(), Stderr = stderr.ToString(), Duration = total };
            }
        }

        return last with { Stdout = stdout.ToString(), Stderr = stderr.ToString(), Duration = total };
    }

    /// <summary>Stores a file copied to the gateway (the transport's send).</summary>
    public SimReply ReceiveFile(string gatewayName, string remotePath, string md5, long size, byte[]? content, DateTimeOffset now)
    {
        _world.AdvanceTo(now);
        var g = _world.Find(gatewayName);
        if (g is null || g.Has(Fault.Unreachable) || g.IsRebooting(now))
        {
            return SimReply.Transport(TransportError.Unreachable, $"ssh: connect to host {gatewayName} port 22: Connection refused");
        }

        var duration = TimeSpan.FromSeconds(5 + (size / (50.0 * 1024 * 1024)));
        if (g.TransferFailuresLeft > 0)
        {
            g.TransferFailuresLeft--;
            return SimReply.Transport(TransportError.Dropped, "scp: Connection closed", duration);
        }

        g.Files[remotePath] = new SimFile
        {
            Md5 = g.Has(Fault.CorruptTransfer) ? new string('0', 32) : md5,
            Size = size,
            Content = content,
        };
        return SimReply.Ok(duration: duration);
    }

    private SimReply Expert(SimGateway g, IReadOnlyList<string> w, string line, DateTimeOffset now)
    {
        var cmd = w[0];
        switch (cmd)
        {
            case "clish" when w.Count == 3 && w[1] == "-c":
                return Clish(g, w[2], now);
            case "true" or "mkdir":
                return SimReply.Ok();
            case "vsenv" when g.Vsx && w.Count == 2 && w[1] == "0":
                return SimReply.Ok("Context is set to Virtual Device " + g.Name + "_0 (ID 0).\n");
            case "show" when string.Join(" ", w) == "show version product":
                // cdt's login-shell probe: bash does not know Clish commands, and that is the answer.
                return SimReply.Fail(127, "bash: show: command not found\n");
            case "hostname":
                return SimReply.Ok(g.Name + "\n");
            case "echo":
                return SimReply.Ok(string.Join(" ", w.Skip(1)) + "\n");
            case "fw" when w.Count == 2 && w[1] == "ver":
                return Garbled(g) ?? SimReply.Ok(SimOutput.FwVer(g.Version));
            case "cpwd_admin" when w.Count == 2 && w[1] == "list":
                return Garbled(g) ?? SimReply.Ok(SimHealthOutput.Watchdog(g));
            case "cpstat" when string.Join(" ", w) == "cpstat -f policy fw":
                return Garbled(g) ?? SimReply.Ok(SimHealthOutput.Policy(g));
            case "ip" when string.Join(" ", w) == "ip -o link show":
                return SimReply.Ok(SimHealthOutput.Links(g));
            case "cplic" when w.Count == 2 && w[1] == "print":
                return SimReply.Ok(SimHealthOutput.Licences(g));
            case "cphaprob" when w.Count == 2 && w[1] == "state":
                return Garbled(g) ?? ClusterState(g, now);
            case "cphaconf" when w.Count == 3 && w[1] == "mvc" && w[2] is "on" or "off":
                g.Mvc = w[2] == "on";
                return SimReply.Ok($"MVC is {(g.Mvc ? "enabled" : "disabled")}\n");
            case "clusterXL_admin" when w.Count == 2 && w[1] is "down" or "up":
                return ClusterAdmin(g, w[1] == "up", now);
            case "md5sum" when w.Count == 2:
                return g.Files.TryGetValue(w[1], out var f)
                    ? SimReply.Ok(f.Md5 + "  " + w[1] + "\n")
                    : SimReply.Fail(1, $"md5sum: {w[1]}: No such file or directory\n");
            case "test" when w.Count == 3 && w[1] == "-f":
                return g.Files.ContainsKey(w[2]) ? SimReply.Ok() : SimReply.Fail(1, string.Empty);
            case "rm" when w.Count == 3 && w[1] == "-f":
                g.Files.Remove(w[2]);
                return SimReply.Ok();
            case "cat" when w.Count == 2:
                return g.ReadFile(w[1]) is { } content
                    ? SimReply.Ok(Encoding.UTF8.GetString(content))
                    : SimReply.Fail(1, $"cat: {w[1]}: No such file or directory\n");
            case "openssl" when w.Count == 9 && string.Join(" ", w.Take(5)) == "openssl enc -d -base64 -A" && w[5] == "-in" && w[7] == "-out":
                return DecodeBase64(g, w[6], w[8]);
            case "bash" or "sh" when w.Count >= 2:
                return Script(g, w, now);
            case "shutdown" when w.Count == 3 && w[1] == "-r" && w[2] == "now":
            case "reboot" when w.Count == 1:
                _world.StartReboot(g, now);
                return SimReply.Ok("Broadcast message: The system is going down for reboot NOW!\n");
            case "asg" or "g_clusterXL_admin" or "gclish" when _world.ClusterOf(g)?.IsSecurityGroupKind() == true:
                return SecurityGroup(g, w, line, now);
            case "pairctl" when _world.ClusterOf(g)?.Kind == ClusterKind.ActivePassivePair:
                return Pair(g, w, line, now);
            default:
                return Refuse(g, line, $"bash: {cmd}: command not found\n", 127);
        }
    }

    private static SimReply Script(SimGateway g, IReadOnlyList<string> w, DateTimeOffset now)
    {
        var path = w[1];
        if (!g.Files.ContainsKey(path))
        {
            return SimReply.Fail(127, $"bash: {path}: No such file or directory\n");
        }

        var name = path[(path.LastIndexOf('/') + 1)..];
        var exit = g.ScriptExitCodes.GetValueOrDefault(name);
        var args = string.Join(" ", w.Skip(2));
        return new SimReply
        {
            Exit = exit,
            Stdout = string.Create(CultureInfo.InvariantCulture, $"{name} {args}: simulated run on {g.Name}, exit {exit}\n"),
            Duration = TimeSpan.FromSeconds(10),
        };
    }

    private SimReply ClusterState(SimGateway g, DateTimeOffset now)
    {
        var cluster = _world.ClusterOf(g);
        if (cluster is null || cluster.Kind == ClusterKind.Vrrp || cluster.IsSecurityGroupKind())
        {
            return SimReply.Fail(1, "HA module not started.\n");
        }

        return SimReply.Ok(SimOutput.ClusterState(_world, cluster, g, now));
    }

    private SimReply ClusterAdmin(SimGateway g, bool up, DateTimeOffset now)
    {
        var cluster = _world.ClusterOf(g);
        if (cluster is null || cluster.Kind is not (ClusterKind.ClusterXlHa or ClusterKind.VsxVsls or ClusterKind.ClusterXlLoadSharing))
        {
            return SimReply.Fail(1, "clusterXL_admin: cluster is not running\n");
        }

        var text = up
            ? "Setting member to normal operation ...\nMember current state is STANDBY\n"
            : "Setting member to administratively down state ...\nMember current state is DOWN\n";
        if (!up && g.Has(Fault.NoFailover))
        {
            // The command is accepted, yet traffic never leaves this member.
            return SimReply.Ok(text);
        }

        g.AdminDown = !up;
        _world.Changed(g, now);
        return SimReply.Ok(text);
    }

    private static SimReply? Garbled(SimGateway g) =>
        g.Has(Fault.GarbledOutput) ? SimReply.Ok("\u001b[?1034h#$%&*! Segmentation fault (core dumped)\n@@@\n") : null;

    private SimReply Refuse(SimGateway g, string line, string message, int exit = 2)
    {
        _world.RefusedCommands.Add(g.Name + ": " + line);
        return SimReply.Fail(exit, message);
    }
}
