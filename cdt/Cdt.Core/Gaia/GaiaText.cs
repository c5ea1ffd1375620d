using System.Text.RegularExpressions;

namespace Cdt.Gaia;

/// <summary>Small helpers shared by the output parsers.</summary>
public static partial class GaiaText
{
    [GeneratedRegex(@"\s{2,}|\t+", RegexOptions.CultureInvariant)]
    private static partial Regex ColumnGap();

    /// <summary>Lines Gaia mixes into normal output that carry no data (the configuration-lock notice).</summary>
    public static bool IsNoise(string trimmedLine) =>
        trimmedLine.StartsWith("CLINFR0771", StringComparison.Ordinal)
        || trimmedLine.StartsWith("CLINFR0829", StringComparison.Ordinal);

    public static IReadOnlyList<string> SplitColumns(string line) => ColumnGap().Split(line.Trim());

    /// <summary>How much of a gateway's answer a message quotes: enough to recognise it, on one line.</summary>
    public const int ExcerptLength = 120;

    public static string Excerpt(string text)
    {
        var t = text.Replace('\r', ' ').Replace('\n', ' ').Trim();
        t = string.Concat(t.Select(c => char.IsControl(c) ? '?' : c));
        return t.Length > ExcerptLength ? t[..ExcerptLength] + "..." : t;
    }
}
