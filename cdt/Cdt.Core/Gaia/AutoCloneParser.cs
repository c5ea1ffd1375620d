using System.Text.RegularExpressions;

namespace Cdt.Gaia;

/// <summary>
/// Reads the SMO image auto-clone state (<c>show smo image auto-clone state</c> on Maestro,
/// <c>show cluster configuration image auto-clone state</c> on ElasticXL). gClish may answer once
/// or once per member; every answer must agree. Returns "on" or "off".
/// </summary>
public static partial class AutoCloneParser
{
    [GeneratedRegex(@"\bstate\b[^A-Za-z0-9\n]*(?<v>on|off|enabled|disabled)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex StateValue();

    public static Parsed<string> Parse(string output)
    {
        var values = StateValue().Matches(output)
            .Select(m => m.Groups["v"].Value.ToLowerInvariant() is "on" or "enabled" ? "on" : "off")
            .Distinct()
            .ToList();
        return values.Count switch
        {
            1 => Parsed<string>.Success(values[0]),
            0 => Parsed<string>.Failure("no auto-clone state in the answer: " + GaiaText.Excerpt(output)),
            _ => Parsed<string>.Failure("members disagree on the auto-clone state: " + GaiaText.Excerpt(output)),
        };
    }
}
