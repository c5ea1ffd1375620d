namespace Cdt.Diagnostics;

/// <summary>
/// A mistake in something the user gave us (a file, an option): shown as one line naming the
/// file and line, then exit code 2. Never used for per-target outcomes.
/// </summary>
public sealed class CdtInputException : Exception
{
    public CdtInputException(string message)
        : base(message)
    {
    }

    public CdtInputException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public CdtInputException(string? path, int? line, int? column, string message)
        : base(message)
    {
        Path = path;
        Line = line;
        Column = column;
    }

    public CdtInputException()
    {
    }

    /// <summary>Several problems in one file, all reported at once.</summary>
    public CdtInputException(IReadOnlyList<Diagnostic> diagnostics)
        : base(diagnostics.Count > 0 ? diagnostics[0].Message : "invalid input")
    {
        Diagnostics = diagnostics;
        if (diagnostics.Count > 0)
        {
            Path = diagnostics[0].Path;
            Line = diagnostics[0].Line;
            Column = diagnostics[0].Column;
        }
    }

    public IReadOnlyList<Diagnostic> Diagnostics { get; } = [];

    public string? Path { get; }

    public int? Line { get; }

    public int? Column { get; }

    /// <summary>The one line shown to the user: <c>PATH:LINE:COL: message</c>.</summary>
    public string ToDisplayLine() => Location.Format(Path, Line, Column, Message);

    /// <summary>Every line to show: each diagnostic, or the single message.</summary>
    public IEnumerable<string> ToDisplayLines() =>
        Diagnostics.Count > 0 ? Diagnostics.Select(d => d.ToString()) : [ToDisplayLine()];
}
