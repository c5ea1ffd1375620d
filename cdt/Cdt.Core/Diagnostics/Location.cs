using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Cdt.Diagnostics;

/// <summary>
/// Formats <c>PATH:LINE:COL: message</c>, the shape every diagnostic takes. Messages echo values
/// from files anyone may have written (a list cell, an inventory name, a plan): here, the one place
/// every diagnostic passes, a quoted value is cut to an excerpt and control characters (a newline,
/// an ANSI escape sequence) are shown escaped, so a hostile value can neither flood nor repaint
/// the terminal nor split a log line.
/// </summary>
public static partial class Location
{
    /// <summary>A quoted value longer than <see cref="LongValue"/> characters is echoed as its first <see cref="Excerpt"/> and "…".</summary>
    public const int Excerpt = 80;

    public const int LongValue = 200;

    /// <summary>The longest message shown, whatever it quotes.</summary>
    public const int MaxMessage = 2000;

    [GeneratedRegex("'([^']{201,})'", RegexOptions.CultureInvariant)]
    private static partial Regex LongQuote();

    public static string Format(string? path, int? line, int? column, string message)
    {
        message = Safe(message);
        if (path is null)
        {
            return message;
        }

        path = Escape(path);

        var where = path;
        if (line is { } l)
        {
            where += ":" + l.ToString(CultureInfo.InvariantCulture);
            if (column is { } c)
            {
                where += ":" + c.ToString(CultureInfo.InvariantCulture);
            }
        }

        return where + ": " + message;
    }

    /// <summary>A message fit for a terminal and a log line: excerpts of long quoted values, control characters escaped.</summary>
    public static string Safe(string message)
    {
        var cut = LongQuote().Replace(message, m => "'" + m.Groups[1].Value[..Excerpt] + "…'");
        if (cut.Length > MaxMessage)
        {
            cut = cut[..MaxMessage] + "…";
        }

        return Escape(cut);
    }

    private static string Escape(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var b = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            b.Append(char.IsControl(c) ? "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture) : c.ToString());
        }

        return b.ToString();
    }
}
