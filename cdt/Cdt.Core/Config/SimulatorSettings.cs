namespace Cdt.Config;

/// <summary>The <c>simulator</c> section: how fast simulated time runs against the wall clock.</summary>
public sealed record SimulatorSettings
{
    /// <summary>Simulated seconds per real second (a 20-minute install in 0.4 s at 3000), as in cdt.conf.sample.</summary>
    public double TimeScale { get; init; } = 3000;

    /// <summary>Above this, a simulated week passes in under a real second and scaled instants overflow.</summary>
    public const double MaxTimeScale = 1_000_000;

    /// <summary>Whether <paramref name="scale"/> is a usable time scale: from 1 (real time) to <see cref="MaxTimeScale"/>.</summary>
    public static bool IsTimeScale(double scale) => scale is >= 1 and <= MaxTimeScale;

    public static string TimeScaleRule => "a number from 1 to 1000000";
}
