using Cdt.Gaia;

namespace Cdt.Execution.Steps;

/// <summary>
/// Imports the sent package into CPUSE (unless it already is) and learns the name CPUSE lists it
/// under: verify and install use that name, never one guessed from the file name.
/// </summary>
public sealed class ImportPackageStep : ITargetStep
{
    public string Name => "import";

    public bool Critical => true;

    public bool RunOnce => false;

    public async Task<StepResult> RunAsync(TargetContext c, CancellationToken ct)
    {
        if (c.AlreadyInstalled)
        {
            return StepResult.Skipped("package already installed");
        }

        var package = c.Run.Package!;
        var before = await c.FindPackageAsync(PackageListing.Imported, ct);
        if (!before.Ok)
        {
            return StepResult.Failed(before.Error!);
        }

        if (before.Value!.Entry is not null)
        {
            return StepResult.Skipped($"already imported as '{c.CpuseName}'");
        }

        var result = await c.RunAsync(GaiaCommands.Import(c.Remote, package.FileName), c.Run.Settings.TransferTimeout, ct);
        if (!result.Succeeded)
        {
            return StepResult.Failed("installer import: " + ResultLine(result));
        }

        var after = await c.FindPackageAsync(PackageListing.Imported, ct);
        if (!after.Ok)
        {
            return StepResult.Failed(after.Error!);
        }

        return after.Value!.Entry is not null
            ? StepResult.Ok($"imported as '{c.CpuseName}'")
            : StepResult.Failed($"imported, but CPUSE lists it under neither '{package.Name}' nor '{package.FileName}': set package.name in cdt.conf to the name 'show installer packages imported' shows");
    }

    /// <summary>The installer's "Result:" line when it printed one, else the usual description.</summary>
    public static string ResultLine(Transport.CommandResult r)
    {
        var line = (r.Stdout + "\n" + r.Stderr).Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("Result:", StringComparison.OrdinalIgnoreCase));
        return line ?? r.Describe();
    }
}
