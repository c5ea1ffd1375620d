using System.Globalization;

namespace Cdt.Diagnostics;

/// <summary>Formats <c>PATH:LINE:COL: message</c>, the shape every diagnostic takes.</summary>
public static class Location
{
    public static string Format(string? path, int? line, int? column, string message)
    {
        if (path is null)
        {
            return message;
        }

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
}
