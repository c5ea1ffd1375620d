namespace Cdt.Tests.Support;

/// <summary>Where the repository's files are, from the test's output folder.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    public static string Repo(string relative) => Path.Combine(RepoRoot, relative);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cdt.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cdt.sln not found above " + AppContext.BaseDirectory);
    }
}
