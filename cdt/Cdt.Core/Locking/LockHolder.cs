using System.Globalization;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;

namespace Cdt.Locking;

/// <summary>Who holds a schedule's run lock: the process (PID, its start time, host) and when it took it.</summary>
public sealed record LockHolder
{
    public required int Pid { get; init; }

    public required string Host { get; init; }

    /// <summary>When the process started: a recycled PID belongs to a younger process.</summary>
    public DateTimeOffset? ProcessStarted { get; init; }

    /// <summary>What holds it: "cdt daemon", "cdt run-due", "cdt unlock".</summary>
    public required string Command { get; init; }

    public DateTimeOffset AcquiredAt { get; init; }

    /// <summary>Tells this acquisition from any other, so only its owner releases it.</summary>
    public string Token { get; init; } = string.Empty;

    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"PID {Pid} on {Host} ({Command}, since {IsoTime.Format(AcquiredAt)})");
}
