namespace Cdt.Diagnostics;

/// <summary>One problem found in an input file, with where it is.</summary>
public sealed record Diagnostic(string Path, int Line, int Column, string Message)
{
    public override string ToString() => Location.Format(Path, Line, Column, Message);
}
