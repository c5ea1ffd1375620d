namespace Cdt.Gaia.Health;

/// <summary>How many routes the gateway has, from the <c>Total</c> line(s) of <c>show route summary</c>.</summary>
public sealed record RouteSummary(int Total);
