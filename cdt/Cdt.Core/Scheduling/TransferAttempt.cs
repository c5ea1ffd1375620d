namespace Cdt.Scheduling;

/// <summary>One try at getting the package onto a target: verified by checksum, or the reason it is not.</summary>
public sealed record TransferAttempt(bool Verified, string? Error)
{
    public static readonly TransferAttempt Ok = new(true, null);

    public static TransferAttempt Failed(string error) => new(false, error);
}
