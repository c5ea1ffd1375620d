namespace Cdt.Gaia;

/// <summary>One Security Group Member as <c>asg stat</c> shows it: id, state (<c>UP</c>, <c>DOWN</c>, <c>DOWN (admin)</c>...), process.</summary>
public sealed record AsgMember(int Site, int Number, string State, string Process, bool Local)
{
    public string Id => FormattableString.Invariant($"{Site}_{Number}");

    public bool IsUp => State == "UP";

    public bool IsAdminDown => State.StartsWith("DOWN (admin", StringComparison.Ordinal);

    public string Describe() => Id + ": " + State + (Process.Length > 0 && !IsUp ? " (" + Process + ")" : string.Empty);
}
