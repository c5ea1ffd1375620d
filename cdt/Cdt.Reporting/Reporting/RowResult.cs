using Cdt.Candidates;

namespace Cdt.Reporting;

/// <summary>One list row with what the run did to it: the results CSV line.</summary>
public sealed record RowResult(CandidateRow Row, string Status, DateTimeOffset? Started, DateTimeOffset? Finished, string Message)
{
    public TimeSpan? Duration => Started is { } s && Finished is { } f ? f - s : null;
}
