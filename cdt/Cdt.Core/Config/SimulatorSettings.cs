namespace Cdt.Config;

/// <summary>The <c>simulator</c> section: how fast simulated time runs against the wall clock.</summary>
public sealed record SimulatorSettings
{
    /// <summary>Simulated seconds per real second (a 20-minute install in 0.4 s at 3000), as in cdt.conf.sample.</summary>
    public double TimeScale { get; init; } = 3000;
}
