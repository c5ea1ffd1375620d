using Cdt.Gaia;
using Cdt.Transport;

namespace Cdt.Execution;

/// <summary>One target inside its unit during a run: what its steps see and share.</summary>
public sealed class TargetContext
{
    public TargetContext(RunContext run, RunUnit unit, RunTarget target)
    {
        Run = run;
        Unit = unit;
        Target = target;
        Remote = target.Target;
    }

    public RunContext Run { get; }

    public RunUnit Unit { get; }

    public RunTarget Target { get; }

    /// <summary>The target as commands are built for it: with its real login shell once <see cref="ResolveShellAsync"/> ran.</summary>
    public Target Remote { get; private set; }

    public GaiaDriver Driver => Run.Driver;

    /// <summary>The package's name as this gateway's CPUSE lists it (found after import).</summary>
    public string? CpuseName { get; set; }

    /// <summary>The package was already installed when the target started: package steps have nothing to do.</summary>
    public bool AlreadyInstalled { get; set; }

    /// <summary>
    /// For <c>shell: auto</c>, asks the gateway which login shell it has (once per run), so every
    /// step builds its commands for that shell; null when known, else why it could not be found.
    /// </summary>
    public async Task<string?> ResolveShellAsync(CancellationToken ct)
    {
        var resolved = await Driver.ResolveShellAsync(Remote, ct);
        Remote = resolved.Value ?? Remote;
        return resolved.Error;
    }

    /// <summary>
    /// Looks for the run's package in a CPUSE listing; when it is listed, keeps the name CPUSE lists
    /// it under in <see cref="CpuseName"/> (verify, install and uninstall need exactly that name).
    /// </summary>
    public async Task<GaiaAnswer<PackageSearch>> FindPackageAsync(PackageListing listing, CancellationToken ct)
    {
        var package = Run.Package!;
        var search = await Driver.FindPackageAsync(Remote, listing, package.Name, package.FileName, ct);
        if (search.Value?.Entry is { } found)
        {
            CpuseName = found.Name;
        }

        return search;
    }

    public void Log(string text) => Run.Recorder.Detail(Target.Name, text);

    /// <summary>Runs a command and logs it with the first lines of its answer.</summary>
    public async Task<CommandResult> RunAsync(string command, TimeSpan timeout, CancellationToken ct)
    {
        var result = await Driver.RunAsync(Remote, command, timeout, ct);
        Log($"$ {command}\n  -> {result.Describe()}");
        return result;
    }
}
