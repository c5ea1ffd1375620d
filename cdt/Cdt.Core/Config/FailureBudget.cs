using System.Globalization;

namespace Cdt.Config;

/// <summary>
/// How many failed targets stop a run or a batch: a number (<c>3</c>) or a share of its targets
/// (<c>5%</c>). A share is rounded up, and is at least one failure, so 5% of 30 targets stops at
/// the 2nd failure and a small batch never gets a budget of zero.
/// </summary>
public sealed record FailureBudget
{
    private FailureBudget(int? count, decimal? percent)
    {
        Count = count;
        Percent = percent;
    }

    /// <summary>The fixed number of failures, when the budget is one.</summary>
    public int? Count { get; }

    /// <summary>The share of the targets, in percent, when the budget is one.</summary>
    public decimal? Percent { get; }

    public static FailureBudget Of(int count) =>
        count >= 1 ? new FailureBudget(count, null) : throw new ArgumentOutOfRangeException(nameof(count), "a failure budget is at least 1");

    public static FailureBudget OfPercent(decimal percent) =>
        percent is > 0 and <= 100 ? new FailureBudget(null, percent) : throw new ArgumentOutOfRangeException(nameof(percent), "a share is above 0% and at most 100%");

    /// <summary>Reads <c>3</c> or <c>5%</c> (<c>2.5%</c> too); null when the text is neither.</summary>
    public static FailureBudget? TryParse(string text)
    {
        var t = text.Trim();
        if (t.EndsWith('%'))
        {
            return decimal.TryParse(t[..^1].TrimEnd(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var p) && p is > 0 and <= 100
                ? OfPercent(p)
                : null;
        }

        return int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? Of(n) : null;
    }

    /// <summary>The failure that stops, out of <paramref name="targets"/> targets (decimal arithmetic: 5% of 20 is exactly 1).</summary>
    public int Limit(int targets) => Count ?? Math.Max(1, (int)Math.Ceiling(Percent!.Value * targets / 100m));

    /// <summary>How the budget reads in messages and the dry run: "3", or "5% of 30 targets = 2".</summary>
    public string Describe(int targets) => Count is { } n
        ? n.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Percent}% of {targets} target{(targets == 1 ? string.Empty : "s")} = {Limit(targets)}");

    public override string ToString() => Count is { } n ? n.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{Percent}%");
}
