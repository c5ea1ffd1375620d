namespace Cdt.Config;

/// <summary>
/// A schedule's <c>download</c> section: how often sending the package ahead is tried before
/// the warning flag is set, and again right before the install before the update lock is set.
/// </summary>
public sealed record DownloadSettings
{
    public int Attempts { get; init; } = 10;

    public int AttemptsBeforeInstall { get; init; } = 10;

    /// <summary>Pause between two attempts on one target.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(30);
}
