namespace Cdt.Transport.SshNet;

/// <summary>Paths as ssh reads them: <c>~/</c> is the user's home folder.</summary>
public static class SshPaths
{
    public static string Expand(string path) => path.StartsWith("~/", StringComparison.Ordinal)
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..])
        : path;
}
