using System.Text.RegularExpressions;

namespace Cdt.Config;

/// <summary>The package a run installs: its local file, the name CPUSE shows, the versions it applies to.</summary>
public sealed partial record PackageSpec
{
    public required string Path { get; init; }

    /// <summary>The name CPUSE shows once the package is imported (may equal the file name).</summary>
    public required string Name { get; init; }

    public required IReadOnlyList<string> Versions { get; init; }

    public PackageKind Kind { get; init; } = PackageKind.Hotfix;

    /// <summary>For an upgrade: the Gaia version a gateway runs once upgraded.</summary>
    public string? TargetVersion { get; init; }

    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>Whether the package is in place: a hotfix by the installed list; an upgrade by the gateway's version.</summary>
    public bool IsInPlace(string version, IEnumerable<string> installed) =>
        Kind == PackageKind.Upgrade && TargetVersion is { } target
            ? string.Equals(version, target, StringComparison.OrdinalIgnoreCase)
            : IsIn(installed);

    /// <summary>Whether a gateway's installed list contains this package (by CPUSE name or file name).</summary>
    public bool IsIn(IEnumerable<string> installed) =>
        installed.Any(p => string.Equals(p, Name, StringComparison.OrdinalIgnoreCase) || string.Equals(p, FileName, StringComparison.OrdinalIgnoreCase));

    public bool AppliesTo(string version) => Versions.Contains(version, StringComparer.OrdinalIgnoreCase);

    /// <summary>Why a gateway running <paramref name="version"/> must not get this package (generate's N/A reason, execute's failure).</summary>
    public string NotForVersion(string version) => $"version {version} is not one the package applies to ({string.Join(", ", Versions)})";

    /// <summary>Whether a gateway's live version rules the package out: its versions are known and do not hold it.</summary>
    public bool RulesOut(string version) => Versions.Count > 0 && !AppliesTo(version);

    /// <summary>
    /// What can be known from a file name alone (a real CDT plan gives only a path):
    /// <c>Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz</c> applies to R81.20.
    /// </summary>
    public static PackageSpec FromFile(string path, string? name = null, IReadOnlyList<string>? versions = null, PackageKind kind = PackageKind.Hotfix)
    {
        var file = System.IO.Path.GetFileName(path);
        var guessed = new List<string>();
        var m = VersionInFileName().Match(file);
        if (m.Success)
        {
            guessed.Add("R" + m.Groups[1].Value + (m.Groups[2].Success ? "." + m.Groups[2].Value : string.Empty));
        }

        return new PackageSpec
        {
            Path = path,
            Name = name ?? file,
            Versions = versions is { Count: > 0 } ? versions : guessed,
            Kind = kind,
        };
    }

    [GeneratedRegex(@"_R(\d{2})(?:_(\d{2}))?_", RegexOptions.CultureInvariant)]
    private static partial Regex VersionInFileName();
}
