namespace Cdt.Transport;

/// <summary>POSIX shell quoting: everything between single quotes is literal.</summary>
public static class ShellQuote
{
    public static string Single(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
