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
    }

    public RunContext Run { get; }

    public RunUnit Unit { get; }

    public RunTarget Target { get; }

    public Target Remote => Target.Target;

    public GaiaDriver Driver => Run.Driver;

    /// <summary>The package's name as this gateway's CPUSE lists it (found after import).</summary>
    public string? CpuseName { get; set; }

    /// <summary>The package was already installed when the target started: package steps have nothing to do.</summary>
    public bool AlreadyInstalled { get; set; }

    public void Log(string text) => Run.Recorder.Detail(Target.Name, text);

    /// <summary>Runs a command and logs it with the first lines of its answer.</summary>
    public async Task<CommandResult> RunAsync(string command, TimeSpan timeout, CancellationToken ct)
    {
        var result = await Driver.RunAsync(Remote, command, timeout, ct);
        Log($"$ {command}\n  -> {result.Describe()}");
        return result;
    }
}
