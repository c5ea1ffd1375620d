using System.Globalization;

namespace Cdt.Reporting.Html;

/// <summary>The report's time axis: instants as percent of the run's span, formatted for CSS (invariant, two decimals).</summary>
public sealed class TimeAxis
{
    public TimeAxis(DateTimeOffset? start, DateTimeOffset? end)
    {
        Start = start;
        End = end is { } e && start is { } s && e > s ? e : start;
    }

    public DateTimeOffset? Start { get; }

    public DateTimeOffset? End { get; }

    private double Span => Start is { } s && End is { } e ? (e - s).TotalSeconds : 0;

    public string? Percent(DateTimeOffset at) =>
        Start is { } s && Span > 0 ? Css(Math.Clamp((at - s).TotalSeconds / Span * 100, 0, 100)) : null;

    /// <summary>At least a sliver, so a step of a second still shows.</summary>
    public string? Width(DateTimeOffset from, DateTimeOffset? to) =>
        Span > 0 && to is { } t ? Css(Math.Clamp((t - from).TotalSeconds / Span * 100, 0.3, 100)) : null;

    private static string Css(double percent) => percent.ToString("0.##", CultureInfo.InvariantCulture);
}
