using System.Diagnostics;

namespace Cdt.IntegrationTests.Support;

/// <summary>Runs a local tool the fixtures need (ssh-keygen, sshd) and fails the test with its output when it fails.</summary>
public static class Tool
{
    public static async Task<string> RunAsync(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start " + program);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}: {await stderr}");
        }

        return await stdout;
    }

    /// <summary>The dotnet host that runs this test, to start the emulator the same way.</summary>
    public static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        return Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(p => Path.Combine(p, "dotnet")).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("dotnet not found on PATH");
    }
}
