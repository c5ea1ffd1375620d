namespace Cdt.Gaia;

/// <summary>A value that would reach a remote command line has a shape cdt refuses to send.</summary>
public sealed class UnsafeValueException : Exception
{
    public UnsafeValueException(string message)
        : base(message)
    {
    }

    public UnsafeValueException()
    {
    }

    public UnsafeValueException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
