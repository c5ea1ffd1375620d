using System.Globalization;
using Cdt.Config;
using Cdt.Execution;
using Microsoft.Extensions.Logging;

namespace Cdt.Scheduling;

/// <summary>
/// Runs one download round: every target without a verified copy gets up to N attempts (send,
/// then compare checksums), with a pause between attempts; targets are worked on in parallel.
/// Attempts are counted per target and per round in the record, exactly.
/// </summary>
public sealed class PackageDownloader
{
    /// <summary>Targets sent to at once: the management link is shared with production traffic.</summary>
    public const int Parallel = 10;

    private readonly IScheduleFleet _fleet;
    private readonly TimeProvider _time;
    private readonly ILogger _log;

    public PackageDownloader(IScheduleFleet fleet, TimeProvider time, ILogger log)
    {
        _fleet = fleet;
        _time = time;
        _log = log;
    }

    /// <summary>The record to continue for this window and package, or a fresh one when either changed.</summary>
    public static DownloadRecord Continue(DownloadRecord? current, FleetPlan plan, DateTimeOffset forInstall)
    {
        if (current is not null && current.ForInstall == forInstall && current.PackageMd5 == plan.PackageMd5
            && current.Targets.Select(t => t.Name).SequenceEqual(plan.Targets))
        {
            return current;
        }

        return new DownloadRecord
        {
            ForInstall = forInstall,
            Package = plan.Package,
            PackageMd5 = plan.PackageMd5,
            Targets = [.. plan.Targets.Select(t => new TargetDownload { Name = t })],
        };
    }

    public async Task<DownloadRecord> RunRoundAsync(ScheduleSettings s, DownloadRecord record, DownloadRound round, CancellationToken ct)
    {
        var attempts = round == DownloadRound.Ahead ? s.Download.Attempts : s.Download.AttemptsBeforeInstall;
        var results = record.Targets.ToArray();
        // The engine's gate, not SemaphoreSlim: its waiters resume through the thread pool, which
        // the deterministic test runner (and its single-threaded context) cannot follow.
        var slots = new SlotGate(Parallel);
        var work = results.Select(async (target, i) =>
        {
            if (target.Verified)
            {
                return;
            }

            await slots.AcquireAsync(1, ct);
            try
            {
                results[i] = await TryTargetAsync(s, target, round, attempts, ct);
            }
            finally
            {
                slots.Release(1);
            }
        }).ToList();
        await Task.WhenAll(work);

        var done = record with { Targets = results };
        return done.Complete ? done with { CompletedAt = _time.GetUtcNow() } : done with { CompletedAt = null };
    }

    /// <summary>The warning flag's (and the lock's) reason: which targets failed and why, the seed's words first.</summary>
    public static string Failure(DownloadRecord record)
    {
        var failed = record.Targets.Where(t => !t.Verified).ToList();
        var first = failed.Take(3).Select(t => string.Create(CultureInfo.InvariantCulture,
            $"{t.Name} ({t.AheadAttempts + t.FinalAttempts} attempts: {t.LastError})"));
        var more = failed.Count > 3 ? string.Create(CultureInfo.InvariantCulture, $" and {failed.Count - 3} more") : string.Empty;
        return $"Update download failed: {record.Package} not on {string.Join(", ", first)}{more}";
    }

    private async Task<TargetDownload> TryTargetAsync(ScheduleSettings s, TargetDownload target, DownloadRound round, int attempts, CancellationToken ct)
    {
        for (var n = 1; n <= attempts; n++)
        {
            if (n > 1)
            {
                await Task.Delay(s.Download.RetryDelay, _time, ct);
            }

            var result = await _fleet.TransferOnceAsync(s, target.Name, ct);
            target = round == DownloadRound.Ahead
                ? target with { AheadAttempts = target.AheadAttempts + 1 }
                : target with { FinalAttempts = target.FinalAttempts + 1 };
            if (result.Verified)
            {
                return target with { Verified = true, LastError = null };
            }

            target = target with { LastError = result.Error };
            _log.LogWarning("Schedule {Schedule}: sending the package to {Target} failed (attempt {Attempt} of {Attempts}, {Round}): {Error}",
                s.Name, target.Name, n, attempts, round == DownloadRound.Ahead ? "ahead" : "before the install", result.Error);
        }

        return target;
    }
}
