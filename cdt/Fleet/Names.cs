using System.Net;
using System.Text.RegularExpressions;

namespace Cdt.Fleet;

/// <summary>
/// The strict shapes of names that may reach a remote command line. Anything else is refused at
/// the door (inventory, candidates list, plan), so no value can smuggle shell syntax to a gateway.
/// </summary>
public static partial class Names
{
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex ObjectName();

    [GeneratedRegex(@"^R\d{2}(\.\d{1,2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex GaiaVersion();

    [GeneratedRegex(@"^\d{1,2}_\d{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex SgMemberId();

    public static bool IsObjectName(string? value) => value is not null && ObjectName().IsMatch(value);

    public static bool IsVersion(string? value) => value is not null && GaiaVersion().IsMatch(value);

    public static bool IsMemberId(string? value) => value is not null && SgMemberId().IsMatch(value);

    public static bool IsIp(string? value) => value is not null && IPAddress.TryParse(value, out _) && !value.Contains(' ', StringComparison.Ordinal);

    public const string ObjectNameRule = "letters, digits, '.', '_' and '-' only, starting with a letter or digit, at most 100 characters";
}
