namespace Cdt.Scheduling;

/// <summary>
/// Everything a schedule remembers between passes, in <c>STATE_DIR/NAME.json</c> (written
/// atomically). The next due time is computed from the cron and these cursors, never from
/// memory, so a restarted daemon (or a one-shot <c>cdt run-due</c>) picks up exactly where
/// the last one stopped.
/// </summary>
public sealed record ScheduleState
{
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;

    public required string Schedule { get; init; }

    /// <summary>When cdt first saw this schedule: windows before it are neither run nor missed.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Start of the last preparation window dealt with (run, superseded or skipped).</summary>
    public required DateTimeOffset PreparationCursor { get; init; }

    /// <summary>Start of the last install window whose notice went out (or was skipped).</summary>
    public required DateTimeOffset NoticeCursor { get; init; }

    /// <summary>When that notice went out: no install starts before a full notice period has passed.</summary>
    public DateTimeOffset? NoticeSentAt { get; init; }

    /// <summary>Start of the last install window dealt with (run, missed or skipped).</summary>
    public required DateTimeOffset InstallCursor { get; init; }

    public RunRecord? LastRun { get; init; }

    public PreparationRecord? LastPreparation { get; init; }

    public DownloadRecord? Download { get; init; }

    public FlagRecord? WarningFlag { get; init; }

    public UpdateLockRecord? UpdateLock { get; init; }

    public UnlockRecord? LastUnlock { get; init; }

    /// <summary>The most recent missed windows (a few), for status and monitoring.</summary>
    public IReadOnlyList<DateTimeOffset> Missed { get; init; } = [];

    public static ScheduleState New(string schedule, DateTimeOffset cursor) => new()
    {
        Schedule = schedule,
        CreatedAt = cursor,
        PreparationCursor = cursor,
        NoticeCursor = cursor,
        InstallCursor = cursor,
    };
}
