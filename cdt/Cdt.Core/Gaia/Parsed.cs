using System.Diagnostics.CodeAnalysis;

namespace Cdt.Gaia;

/// <summary>The result of reading a command's output: a value, or why the output made no sense.</summary>
public sealed record Parsed<T>
    where T : class
{
    private Parsed(T? value, string? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    public bool Ok => Value is not null;

    public static Parsed<T> Success(T value) => new(value, null);

    public static Parsed<T> Failure(string error) => new(null, error);
}
