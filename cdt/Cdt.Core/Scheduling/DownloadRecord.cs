namespace Cdt.Scheduling;

/// <summary>
/// The package's journey to the targets for one install window: per target, whether a copy with
/// the right checksum is there and how many attempts each round took.
/// </summary>
public sealed record DownloadRecord
{
    public required DateTimeOffset ForInstall { get; init; }

    public required string Package { get; init; }

    /// <summary>MD5 of the local package file: a different file starts the download over.</summary>
    public required string PackageMd5 { get; init; }

    public required IReadOnlyList<TargetDownload> Targets { get; init; }

    /// <summary>When every target last held a verified copy; null while one does not.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    public bool Complete => Targets.All(t => t.Verified);
}
