namespace Cdt.IntegrationTests.Support;

/// <summary>
/// The cdt executable as its own project built it. Not the copy in this test folder: the
/// Management API emulator brings ASP.NET Core's shared framework here, so the build leaves out
/// package assemblies that framework also has (Fluid's file providers), which cdt, running on
/// the plain .NET runtime, needs.
/// </summary>
public static class CdtBuild
{
    /// <summary>cdt.dll beside its apphost in <c>cdt/bin/CONFIGURATION/TFM</c>, for the configuration and framework these tests were built with.</summary>
    public static string Dll => Path.Combine(Folder, "cdt.dll");

    public static string AppHost => Path.Combine(Folder, "cdt");

    private static string Folder
    {
        get
        {
            // AppContext.BaseDirectory is <repository>/tests/Cdt.IntegrationTests/bin/<configuration>/<tfm>/.
            var tfm = new DirectoryInfo(AppContext.BaseDirectory);
            var configuration = tfm.Parent!;
            var repository = configuration.Parent!.Parent!.Parent!.Parent!;
            var folder = Path.Combine(repository.FullName, "cdt", "bin", configuration.Name, tfm.Name);
            return File.Exists(Path.Combine(folder, "cdt.dll"))
                ? folder
                : throw new InvalidOperationException($"cdt is not built in {folder}: build Cdt.sln with the tests' configuration");
        }
    }
}
