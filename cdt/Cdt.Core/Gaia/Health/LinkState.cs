namespace Cdt.Gaia.Health;

/// <summary>One network interface and whether its link is up (carrier present), from <c>ip -o link show</c>.</summary>
public sealed record LinkState(string Name, bool Up);
