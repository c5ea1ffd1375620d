using System.Globalization;

namespace Cdt.Formats;

/// <summary>ISO 8601 times with an explicit offset, the only form cdt reads or writes in files.</summary>
public static class IsoTime
{
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        // An offset is required: a bare local time means a different instant on every machine.
        var last = text.Length >= 6 ? text[^6..] : string.Empty;
        var hasOffset = text.EndsWith('Z') || (last.Length == 6 && (last[0] == '+' || last[0] == '-') && last[3] == ':');
        return hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    public static string Format(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
}
