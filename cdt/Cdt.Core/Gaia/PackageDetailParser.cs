namespace Cdt.Gaia;

/// <summary>
/// Reads <c>show installer package NAME</c> (REFERENCE.md §8): the display name CPUSE uses for a
/// package, asked by its file name, and its status. Other lines (a config-lock notice) are ignored.
/// </summary>
public static class PackageDetailParser
{
    public sealed record Detail(string DisplayName, string Status);

    public static Parsed<Detail> Parse(string output)
    {
        string? name = null;
        string? status = null;
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("Display name:", StringComparison.OrdinalIgnoreCase))
            {
                name = line["Display name:".Length..].Trim();
            }
            else if (line.StartsWith("Status:", StringComparison.OrdinalIgnoreCase))
            {
                status = line["Status:".Length..].Trim();
            }
        }

        return name is { Length: > 0 } && status is not null
            ? Parsed<Detail>.Success(new Detail(name, status))
            : Parsed<Detail>.Failure("no 'Display name:' and 'Status:' in 'show installer package': " + GaiaText.Excerpt(output));
    }
}
