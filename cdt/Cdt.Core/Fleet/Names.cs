using System.Net;
using System.Text.RegularExpressions;

namespace Cdt.Fleet;

/// <summary>
/// The strict shapes of names that may reach a remote command line. Anything else is refused at
/// the door (inventory, candidates list, plan), so no value can smuggle shell syntax to a gateway.
/// </summary>
public static partial class Names
{
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,99}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ObjectName();

    [GeneratedRegex(@"^R\d{2}(\.\d{1,2})?\z", RegexOptions.CultureInvariant)]
    private static partial Regex GaiaVersion();

    [GeneratedRegex(@"^\d{1,2}_\d{1,2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex SgMemberId();

    public static bool IsObjectName(string? value) => value is not null && ObjectName().IsMatch(value);

    public static bool IsVersion(string? value) => value is not null && GaiaVersion().IsMatch(value);

    public static bool IsMemberId(string? value) => value is not null && SgMemberId().IsMatch(value);

    /// <summary>
    /// A dotted-quad IPv4 address or an IPv6 address without a zone. IPAddress.TryParse alone also
    /// takes "10.1" (10.0.0.1), "1" and hex forms, which an admin never means.
    /// </summary>
    public static bool IsIp(string? value) =>
        value is not null && (Ipv4().IsMatch(value) || Ipv6Chars().IsMatch(value)) && IPAddress.TryParse(value, out _);

    [GeneratedRegex(@"^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Ipv4();

    [GeneratedRegex(@"^(?=.*:)[0-9A-Fa-f:.]{2,45}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Ipv6Chars();

    public const string ObjectNameRule = "letters, digits, '.', '_' and '-' only, starting with a letter or digit, at most 100 characters";
}
