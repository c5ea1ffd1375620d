namespace Cdt.Scheduling;

/// <summary>What one pass over a schedule has to do at a given moment, decided from the crons and the state alone.</summary>
public sealed record DuePlan
{
    /// <summary>Install windows that passed without a run and will not run (oldest first).</summary>
    public IReadOnlyList<DateTimeOffset> Missed { get; init; } = [];

    /// <summary>How many more missed windows there were beyond those listed (a long outage with a frequent cron).</summary>
    public int MissedBeyondList { get; init; }

    /// <summary>The preparation window to run now, and the install window it prepares.</summary>
    public (DateTimeOffset Window, DateTimeOffset ForInstall)? Preparation { get; init; }

    /// <summary>Preparation windows that passed while their install window had already begun: nothing to prepare.</summary>
    public DateTimeOffset? PreparationSkipped { get; init; }

    /// <summary>The upcoming install window whose notice is due now.</summary>
    public DateTimeOffset? Notice { get; init; }

    public InstallWindow? Install { get; init; }

    public required DateTimeOffset PreparationCursor { get; init; }

    public required DateTimeOffset InstallCursor { get; init; }

    public bool IsEmpty => Missed.Count == 0 && Preparation is null && PreparationSkipped is null && Notice is null && Install is null;
}
