namespace Cdt.Simulation;

/// <summary>
/// Simulated time that runs <c>scale</c> times faster than the wall clock, from a chosen start.
/// The simulator and the engine both see it, so deadlines, durations and time-outs stay
/// consistent while a night's run takes seconds.
/// </summary>
public sealed class ScaledTimeProvider : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly DateTimeOffset _start;
    private readonly long _realStart;
    private readonly double _scale;

    public ScaledTimeProvider(DateTimeOffset start, double scale, TimeProvider? real = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1.0);
        _real = real ?? System;
        _start = start;
        _scale = scale;
        _realStart = _real.GetTimestamp();
    }

    public double Scale => _scale;

    public override DateTimeOffset GetUtcNow() => _start + TimeSpan.FromTicks((long)(_real.GetElapsedTime(_realStart).Ticks * _scale));

    public override long GetTimestamp() => _realStart + (long)((_real.GetTimestamp() - _realStart) * _scale);

    public override long TimestampFrequency => _real.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _real.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(_real.CreateTimer(callback, state, Shrink(dueTime), Shrink(period)), this);

    private TimeSpan Shrink(TimeSpan t) =>
        t == Timeout.InfiniteTimeSpan ? t : TimeSpan.FromTicks((long)Math.Ceiling(t.Ticks / _scale));

    private sealed class ScaledTimer(ITimer inner, ScaledTimeProvider owner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(owner.Shrink(dueTime), owner.Shrink(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
