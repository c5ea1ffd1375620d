using System.Diagnostics;
using System.Reflection;

namespace Cdt.Benchmarks;

/// <summary>
/// Runs one benchmark case in a fresh process of this same program, so that every case starts with a
/// cold runtime and its own heap, and returns what the case printed (its figures line).
/// </summary>
public static class ChildCase
{
    /// <returns>The case's trimmed standard output, or null when it failed (said on stderr).</returns>
    public static string? Run(string failureLabel, params string[] args)
    {
        var psi = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            psi.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var child = Process.Start(psi)!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            Console.Error.WriteLine($"{failureLabel} failed (exit {child.ExitCode}): {output}");
            return null;
        }

        return output.Trim();
    }
}
