namespace Cdt.GatewayEmulator;

/// <summary>
/// The emulated fleet's time: the wall clock since <see cref="OriginWall"/>, scaled, from
/// <see cref="OriginSimulated"/>. cdt under test runs a <c>ScaledTimeProvider</c> with the same
/// origin and scale, so both sides agree on durations, time-outs and reboot windows.
/// </summary>
public sealed record EmulatorClock
{
    public required DateTimeOffset OriginWall { get; init; }

    public required DateTimeOffset OriginSimulated { get; init; }

    public required double Scale { get; init; }

    /// <summary>No single emulated command sleeps longer than this on the wall clock (a hung command ends on its own).</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromSeconds(60);

    public DateTimeOffset Now(DateTimeOffset wall) => OriginSimulated + ((wall - OriginWall) * Scale);

    /// <summary>How long a simulated duration lasts on the wall clock.</summary>
    public TimeSpan Wall(TimeSpan simulated)
    {
        var wall = simulated / Scale;
        return wall > MaxWait ? MaxWait : wall;
    }
}
