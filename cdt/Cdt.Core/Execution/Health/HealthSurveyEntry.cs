using Cdt.Gaia.Health;

namespace Cdt.Execution.Health;

/// <summary>One target of <c>cdt health</c>: its snapshot, or why it gave none.</summary>
public sealed record HealthSurveyEntry(string Target, HealthSnapshot? Snapshot, string? Error);
