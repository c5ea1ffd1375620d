using Cdt.Mail;
using Cdt.Locking;
using Microsoft.Extensions.Logging;

using Cdt.Storage;

namespace Cdt.Scheduling;

/// <summary>Everything the scheduler talks to, so tests can hand in a manual clock and fakes.</summary>
public sealed record SchedulerPorts
{
    public required ScheduleStateStore Store { get; init; }

    public required IFileStore Files { get; init; }

    public required TimeProvider Time { get; init; }

    public required IScheduledRunLauncher Launcher { get; init; }

    public required IScheduleFleet Fleet { get; init; }

    public IMailSender? Mail { get; init; }

    public required IProcessTable Processes { get; init; }

    /// <summary>This process, as it appears in lock files (PID, host, start, command).</summary>
    public required LockHolder Identity { get; init; }

    public required ILogger Log { get; init; }

    /// <summary>How long to wait before asking again for a lock a live process holds.</summary>
    public TimeSpan LockRetry { get; init; } = TimeSpan.FromMinutes(1);
}
