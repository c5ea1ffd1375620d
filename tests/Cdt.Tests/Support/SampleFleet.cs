namespace Cdt.Tests.Support;

/// <summary>
/// A copy of the repository's sample configuration in a temporary folder: cdt.conf (from
/// cdt.conf.sample), config/fleet.sample.yml and the sample package, so a test may change them.
/// </summary>
public static class SampleFleet
{
    public const string Package = "config/packages/Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz";

    /// <summary>Copies the sample into <paramref name="folder"/>; returns the path of its cdt.conf.</summary>
    public static string CopyTo(TempFolder folder, bool probe = true)
    {
        var config = File.ReadAllText(TestPaths.Repo("cdt.conf.sample"));
        if (!probe)
        {
            config = config.Replace("probe: true", "probe: false", StringComparison.Ordinal);
        }

        folder.Write("config/fleet.sample.yml", File.ReadAllText(TestPaths.Repo("config/fleet.sample.yml")));
        Directory.CreateDirectory(Path.GetDirectoryName(folder.File(Package))!);
        File.Copy(TestPaths.Repo(Package), folder.File(Package));
        return folder.Write("cdt.conf", config);
    }

    public static string Inventory(TempFolder folder) => folder.File("config/fleet.sample.yml");
}
