namespace Cdt.Config;

/// <summary>The <c>simulator</c> section: how fast simulated time runs against the wall clock.</summary>
public sealed record SimulatorSettings
{
    /// <summary>Simulated seconds per real second (20 minutes in 20 ms at 60000).</summary>
    public double TimeScale { get; init; } = 60000;
}
