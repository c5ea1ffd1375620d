using System.Diagnostics;

namespace Cdt.IntegrationTests.Support;

/// <summary>Runs the built cdt executable as its own process, with its own environment: what an admin runs.</summary>
public static class CdtProcess
{
    public sealed record Outcome(int ExitCode, string Out, string Error);

    public static async Task<Outcome> RunAsync(string folder, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var cdt = Start(folder, environment, args);
        var output = cdt.StandardOutput.ReadToEndAsync();
        var error = cdt.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await cdt.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            cdt.Kill(entireProcessTree: true);
            throw new TimeoutException("cdt " + string.Join(' ', args) + " did not end within 2 minutes");
        }

        return new Outcome(cdt.ExitCode, await output, await error);
    }

    /// <summary>Starts cdt and leaves it running, for a test that kills it; stdout and stderr are redirected (read them).</summary>
    public static Process Start(string folder, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var psi = new ProcessStartInfo(CdtBuild.AppHost)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        // A developer's own cdt.conf must not reach the tests.
        psi.Environment.Remove("CDT_CONFIG");
        foreach (var (name, value) in environment)
        {
            psi.Environment[name] = value;
        }

        return Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + psi.FileName);
    }
}
