namespace Cdt.Gaia;

/// <summary>
/// Reads <c>show installer packages [imported|installed|...]</c>. Tolerates the banner lines
/// (<c>** ... **</c>), the Clish configuration-lock line and an empty list; anything without the
/// <c>Display name</c> header is reported as unexpected output.
/// </summary>
public static class PackageListParser
{
    public static Parsed<IReadOnlyList<InstallerPackage>> Parse(string output)
    {
        var list = new List<InstallerPackage>();
        var headerSeen = false;
        string? firstOdd = null;
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimEnd('\r').TrimEnd();
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith("**", StringComparison.Ordinal) || GaiaText.IsNoise(trimmed))
            {
                continue;
            }

            if (trimmed.StartsWith("There are no", StringComparison.OrdinalIgnoreCase))
            {
                return Parsed<IReadOnlyList<InstallerPackage>>.Success(list);
            }

            if (trimmed.StartsWith("Display name", StringComparison.OrdinalIgnoreCase))
            {
                headerSeen = true;
                continue;
            }

            if (!headerSeen)
            {
                firstOdd ??= trimmed;
                continue;
            }

            var parts = GaiaText.SplitColumns(trimmed);
            list.Add(new InstallerPackage(parts[0], parts.Count > 1 ? parts[1] : null, parts.Count > 2 ? string.Join(" ", parts.Skip(2)) : null));
        }

        return headerSeen
            ? Parsed<IReadOnlyList<InstallerPackage>>.Success(list)
            : Parsed<IReadOnlyList<InstallerPackage>>.Failure("unexpected output from 'show installer packages' (no 'Display name' header): " + GaiaText.Excerpt(firstOdd ?? output));
    }

    /// <summary>Finds our package in a listing by its CPUSE name or its file name (listings show either).</summary>
    public static InstallerPackage? Find(IEnumerable<InstallerPackage> packages, string name, string? fileName) =>
        packages.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? (fileName is null ? null : packages.FirstOrDefault(p => string.Equals(p.Name, fileName, StringComparison.OrdinalIgnoreCase)));
}
