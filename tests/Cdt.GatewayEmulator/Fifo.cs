using System.Runtime.InteropServices;

namespace Cdt.GatewayEmulator;

/// <summary>Named pipes between the emulator and its stub commands (.NET has no mkfifo of its own).</summary>
public static partial class Fifo
{
    public static void Create(string path)
    {
        if (mkfifo(path, 0b110_000_000) != 0)
        {
            throw new IOException($"mkfifo {path} failed (errno {Marshal.GetLastPInvokeError()})");
        }
    }

    /// <summary>Read-write, so opening never blocks waiting for the other side, and the pipe lives as long as the emulator.</summary>
    public static FileStream Open(string path) => new(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 0);

    [LibraryImport("libc", EntryPoint = "mkfifo", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int mkfifo(string path, uint mode);
}
