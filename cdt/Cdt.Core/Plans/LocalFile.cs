namespace Cdt.Plans;

/// <summary>
/// A file on this machine named by a plan: the text as written (kept for conversion and messages)
/// and the full path (resolved against the plan's folder when relative).
/// </summary>
public sealed record LocalFile(string Written, string FullPath)
{
    public string FileName => Path.GetFileName(FullPath);

    public static LocalFile Resolve(string written, string planFolder) =>
        new(written, Path.IsPathRooted(written) ? Path.GetFullPath(written) : Path.GetFullPath(Path.Combine(planFolder, written)));
}
