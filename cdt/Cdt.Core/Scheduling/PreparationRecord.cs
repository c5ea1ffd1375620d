namespace Cdt.Scheduling;

/// <summary>The last preparation window: the package sent ahead for the next install window.</summary>
public sealed record PreparationRecord
{
    public required DateTimeOffset Window { get; init; }

    public required DateTimeOffset ForInstall { get; init; }

    public DateTimeOffset? Started { get; init; }

    public DateTimeOffset? Finished { get; init; }

    /// <summary>downloaded, failed (the warning flag is set), error (the list or package could not be read) or skipped.</summary>
    public required string Outcome { get; init; }

    public string Message { get; init; } = string.Empty;
}
