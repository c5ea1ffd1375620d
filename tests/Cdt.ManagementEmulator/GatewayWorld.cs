using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Cdt.Simulation;
using Cdt.Transport;

namespace Cdt.ManagementEmulator;

/// <summary>
/// The gateways behind the emulated management server: the simulator's <see cref="SimWorld"/> and
/// <see cref="GaiaSimulator"/>, the same ones <c>transport: simulator</c> and the SSH gateway
/// emulator answer from, so a command through <c>run-script</c> changes the state the simulator
/// keeps and the fleet-safety invariant is checked on it. Time is the given clock (the wall clock
/// in the tests: cdt runs as its own process).
/// </summary>
public sealed partial class GatewayWorld(SimWorld world, TimeProvider time)
{
    private readonly GaiaSimulator _simulator = new(world);

    /// <summary>The longest a script runs before the server stops it (the real one: about 5 minutes).</summary>
    public TimeSpan ScriptLimit { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The world, to read after a run; lock on it (or call <see cref="Read"/>) while cdt still runs.</summary>
    public SimWorld World => world;

    public TimeProvider Time => time;

    public T Read<T>(Func<SimWorld, T> read)
    {
        lock (world)
        {
            world.AdvanceTo(time.GetUtcNow());
            return read(world);
        }
    }

    /// <summary>Lets the world's events due by now happen (installs ending, reboots), as time passes between calls.</summary>
    public void Advance() => Read(_ => 0);

    public bool Knows(string gateway) => Read(w => w.Find(gateway) is not null);

    /// <summary>Runs a script line by line on the gateway, as bash would; the one bash construct beyond the simulator's is a <c>printf</c> of <c>$?</c>.</summary>
    public TaskRun RunScript(string gateway, string script)
    {
        lock (world)
        {
            var now = time.GetUtcNow();
            var output = new StringBuilder();
            var total = TimeSpan.Zero;
            var exit = 0;
            foreach (var line in script.Split('\n').Where(l => l.Trim().Length > 0))
            {
                if (PrintfStatus().Match(line) is { Success: true } printf)
                {
                    output.Append(printf.Groups["format"].Value.Replace("\\n", "\n", StringComparison.Ordinal).Replace("%d", exit.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
                    continue;
                }

                var reply = _simulator.Execute(gateway, line, now + total);
                total += reply.Duration;
                if (reply.Error == TransportError.Unreachable)
                {
                    return new TaskRun(total, output.ToString(), Failed: true, $"Gateway {gateway} is not reachable: {reply.Stderr.Trim()}");
                }

                output.Append(reply.Stdout).Append(reply.Stderr);
                if (reply.Error != TransportError.None)
                {
                    return new TaskRun(total, output.ToString(), Failed: true, "The connection to the gateway was lost while the script ran");
                }

                exit = reply.Exit;
            }

            return new TaskRun(total, output.ToString(), exit != 0, exit != 0 ? "Script failed with exit code " + exit.ToString(CultureInfo.InvariantCulture) : string.Empty);
        }
    }

    /// <summary>Writes a file's text content to the gateway, as <c>put-file</c>.</summary>
    public TaskRun PutFile(string gateway, string path, string content)
    {
        lock (world)
        {
            var bytes = Encoding.UTF8.GetBytes(content);
            var reply = _simulator.ReceiveFile(gateway, path, Convert.ToHexStringLower(MD5.HashData(bytes)), bytes.Length, bytes, time.GetUtcNow());
            return reply.Error == TransportError.None
                ? new TaskRun(reply.Duration, string.Empty, Failed: false, string.Empty)
                : new TaskRun(reply.Duration, string.Empty, Failed: true, $"Failed to put the file on {gateway}: {reply.Stderr.Trim()}");
        }
    }

    [GeneratedRegex(@"^printf '(?<format>[^']*)' ""\$\?""$", RegexOptions.CultureInvariant)]
    private static partial Regex PrintfStatus();
}
