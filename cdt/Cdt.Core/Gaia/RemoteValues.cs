using System.Text.RegularExpressions;

namespace Cdt.Gaia;

/// <summary>
/// Strict shapes for every value cdt puts on a remote command line. A value that does not match is
/// refused before anything is sent; values that match are also quoted. Two locks on one door.
/// </summary>
public static partial class RemoteValues
{
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9 ._()+,\-]{0,199}\z", RegexOptions.CultureInvariant)]
    private static partial Regex PackageNameShape();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._+\-]{0,199}\z", RegexOptions.CultureInvariant)]
    private static partial Regex FileNameShape();

    [GeneratedRegex(@"^(/[A-Za-z0-9._+\-]+)+/?\z", RegexOptions.CultureInvariant)]
    private static partial Regex AbsolutePathShape();

    [GeneratedRegex(@"^[A-Za-z0-9 ._:=,@%+/\-]{0,200}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ArgumentShape();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,99}\z", RegexOptions.CultureInvariant)]
    private static partial Regex SnapshotNameShape();

    // A plan's own command (execute_command, wait_for): CDT forbids shell syntax in it (">", "|",
    // "*", ...); double quotes may group words, nothing else is special.
    [GeneratedRegex(@"^[A-Za-z0-9/][A-Za-z0-9 ._:=,@%+/""\-]{0,499}\z", RegexOptions.CultureInvariant)]
    private static partial Regex CommandShape();

    public static bool IsPackageName(string value) => PackageNameShape().IsMatch(value) && value == value.Trim();

    public static bool IsFileName(string value) => FileNameShape().IsMatch(value) && value is not ("." or "..");

    public static bool IsAbsolutePath(string value) =>
        AbsolutePathShape().IsMatch(value) && !value.Split('/').Any(p => p is "." or "..");

    public static bool IsScriptArgument(string value) => ArgumentShape().IsMatch(value);

    public static bool IsSnapshotName(string value) => SnapshotNameShape().IsMatch(value);

    public static bool IsCommand(string value) => CommandShape().IsMatch(value) && value.Count(c => c == '"') % 2 == 0;

    public static string RequirePackageName(string value) =>
        IsPackageName(value) ? value : throw new UnsafeValueException($"package name '{Printable(value)}' has characters cdt never sends to a gateway (allowed: letters, digits, space and ._()+,-)");

    public static string RequireFileName(string value) =>
        IsFileName(value) ? value : throw new UnsafeValueException($"file name '{Printable(value)}' has characters cdt never sends to a gateway (allowed: letters, digits and ._+-)");

    public static string RequireAbsolutePath(string value) =>
        IsAbsolutePath(value) ? value : throw new UnsafeValueException($"remote path '{Printable(value)}' must be absolute, without '..', of letters, digits and ._+-/");

    public static string RequireScriptArgument(string value) =>
        IsScriptArgument(value) ? value : throw new UnsafeValueException($"script argument '{Printable(value)}' has characters cdt never sends to a gateway");

    public static string RequireSnapshotName(string value) =>
        IsSnapshotName(value) ? value : throw new UnsafeValueException($"snapshot name '{Printable(value)}' has characters Gaia or cdt refuse (allowed: letters, digits and ._-)");

    public static string RequireCommand(string value) =>
        IsCommand(value) ? value : throw new UnsafeValueException($"command '{Printable(value)}' has characters cdt never sends to a gateway (allowed: letters, digits, space, balanced double quotes and ._:=,@%+/-; no shell syntax such as > | * ; $)");

    /// <summary>Shows control characters visibly in messages (a newline must not split a log line).</summary>
    public static string Printable(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) ? $"\\x{(int)c:x2}" : c.ToString()));
}
