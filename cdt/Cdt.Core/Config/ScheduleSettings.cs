
namespace Cdt.Config;

/// <summary>
/// One entry of <c>schedules:</c> in cdt.conf: which list to run, with which package or plan,
/// and when: a preparation window (send the package ahead) and an install window whose end is
/// the run's deadline, both cron expressions read in the schedule's own time zone.
/// </summary>
public sealed record ScheduleSettings
{
    public required string Name { get; init; }

    /// <summary>The candidates list this schedule runs (absolute path).</summary>
    public required string Candidates { get; init; }

    /// <summary>Advanced mode: the deployment plan (absolute path); null in Basic mode.</summary>
    public string? Plan { get; init; }

    /// <summary>Basic mode: the schedule's own package, else the one at the top of cdt.conf.</summary>
    public PackageSpec? Package { get; init; }

    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>When the package is sent ahead; null: it is sent right before the install.</summary>
    public ZonedCron? Preparation { get; init; }

    public required ZonedCron Install { get; init; }

    /// <summary>How long the install window lasts from its start; its end is the run's deadline.</summary>
    public required TimeSpan InstallDuration { get; init; }

    /// <summary>Run a missed install window at the next chance instead of only reporting it.</summary>
    public bool CatchUp { get; init; }

    /// <summary>How late a window may still start (a timer or cron fires a little after the minute).</summary>
    public TimeSpan StartGrace { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long before the install window the notice goes out; 0: with the install.</summary>
    public int NoticeMinutes { get; init; }

    /// <summary>Run on every target as the notice (a broadcast, a load-balancer drain); null: a log line only.</summary>
    public string? NoticeCommand { get; init; }

    /// <summary>At most this many members of one cluster out of service at once; null: execute's max_nodes_per_cluster (1 by default).</summary>
    public int? MaxNodesPerCluster { get; init; }

    public DownloadSettings Download { get; init; } = new();

    public MailSettings? Mail { get; init; }

    /// <summary>Where the entry starts in cdt.conf, for messages.</summary>
    public int Line { get; init; }

    public string Mode => Plan is null ? "basic" : "advanced";
}
