using System.Diagnostics;

namespace Cdt.GatewayEmulator.Sshd;

/// <summary>Runs a local tool the fixtures need (ssh-keygen, sshd) and fails the test with its output when it fails.</summary>
public static class Tool
{
    private static readonly TimeSpan MaxPoll = TimeSpan.FromMilliseconds(200);

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

    /// <summary>Kills a process this code started (by its id), after checking it is still that program.</summary>
    public static void Stop(int pid, string expectedName)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            if (p.ProcessName.StartsWith(expectedName, StringComparison.Ordinal))
            {
                p.Kill(entireProcessTree: true);
            }
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
        catch (InvalidOperationException)
        {
            // Ended meanwhile.
        }
    }

    /// <summary>Waits (with back-off) for a file another process writes once it is ready, e.g. sshd's PID file, written once its sockets are bound.</summary>
    public static async Task WaitForFileAsync(string path, Func<string?> failed, string log)
    {
        var wait = TimeSpan.FromMilliseconds(5);
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromSeconds(30); elapsed += wait, wait = wait * 2 > MaxPoll ? MaxPoll : wait * 2)
        {
            if (File.Exists(path) && new FileInfo(path).Length > 0)
            {
                return;
            }

            if (failed() is { } why)
            {
                throw new InvalidOperationException(why);
            }

            await Task.Delay(wait);
        }

        throw new InvalidOperationException($"{path} did not appear: {ReadLog(log)}");
    }

    public static string ReadLog(string path) => File.Exists(path) ? File.ReadAllText(path) : "no log";
}
