using System.Globalization;

namespace Cdt.Candidates;

/// <summary>
/// The "Upgrade Order" cell: a batch number, <c>-</c> (excluded by the admin), <c>N/A</c> (not
/// eligible) or <c>Installed</c>. A closed set of cases, never a loose string.
/// </summary>
public abstract record UpgradeOrder
{
    public const int MaxBatch = 999_999;

    private UpgradeOrder()
    {
    }

    public static readonly UpgradeOrder Excluded = new ExcludedOrder();
    public static readonly UpgradeOrder NotApplicable = new NotApplicableOrder();
    public static readonly UpgradeOrder Installed = new InstalledOrder();

    /// <summary>Batch numbers a list really uses, made once: a 100,000-row list reuses them.</summary>
    private static readonly BatchOrder[] SmallBatches = [.. Enumerable.Range(0, 1024).Select(n => new BatchOrder(n))];

    public static UpgradeOrder Batch(int number) => number is >= 0 and < 1024 ? SmallBatches[number] : new BatchOrder(number);

    public abstract string ToCell();

    public sealed record BatchOrder(int Number) : UpgradeOrder
    {
        public override string ToCell() => Number.ToString(CultureInfo.InvariantCulture);
    }

    public sealed record ExcludedOrder : UpgradeOrder
    {
        public override string ToCell() => "-";
    }

    public sealed record NotApplicableOrder : UpgradeOrder
    {
        public override string ToCell() => "N/A";
    }

    public sealed record InstalledOrder : UpgradeOrder
    {
        public override string ToCell() => "Installed";
    }

    /// <summary>Reads a trimmed cell. Batch numbers are whole numbers from 1 (leading zeros allowed).</summary>
    public static UpgradeOrder? Parse(string cell)
    {
        switch (cell)
        {
            case "-":
                return Excluded;
            case var s when s.Equals("N/A", StringComparison.OrdinalIgnoreCase):
                return NotApplicable;
            case var s when s.Equals("Installed", StringComparison.OrdinalIgnoreCase):
                return Installed;
        }

        if (cell.Length is 0 or > 9)
        {
            return null;
        }

        foreach (var c in cell)
        {
            if (!char.IsAsciiDigit(c))
            {
                return null;
            }
        }

        var n = int.Parse(cell, NumberStyles.None, CultureInfo.InvariantCulture);
        return n is >= 1 and <= MaxBatch ? Batch(n) : null;
    }
}
