namespace Cdt.Tests.Support;

/// <summary>Lock files as another cdt process leaves them: held by a live process, or by one that is gone.</summary>
public static class LockFiles
{
    /// <summary>A lock held by this (live) test process.</summary>
    public static void HeldByThisProcess(string path, string command) => Write(path, Environment.ProcessId, command);

    /// <summary>A lock whose holder no longer exists (a PID far above any real one).</summary>
    public static void Stale(string path, string command) => Write(path, 2147483000, command);

    private static void Write(string path, int pid, string command) =>
        File.WriteAllText(path, $$"""{"pid":{{pid}},"host":"{{Environment.MachineName}}","command":"{{command}}","acquired_at":"2026-11-22T00:59:00Z"}""");
}
