using Cdt.Simulation;

namespace Cdt.GatewayEmulator;

/// <summary>An answer to one emulated command: the simulator's reply, or raw bytes for a file read.</summary>
public sealed record Reply(SimReply Sim, byte[]? RawStdout = null)
{
    public static Reply From(SimReply sim) => new(sim);
}
