namespace Cdt.Plans;

/// <summary>Where something is in a plan file (1-based), so every problem can point at it.</summary>
public sealed record PlanPosition(int Line, int Column);
