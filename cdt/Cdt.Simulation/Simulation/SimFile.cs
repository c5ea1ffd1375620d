namespace Cdt.Simulation;

/// <summary>A file on a simulated gateway's disk: its checksum, size and what it holds (short files only).</summary>
public sealed class SimFile
{
    public string Md5 { get; set; } = string.Empty;

    public long Size { get; set; }

    /// <summary>Bytes of the file, kept only for small files (scripts, pulled logs).</summary>
    public byte[]? Content { get; set; }
}
