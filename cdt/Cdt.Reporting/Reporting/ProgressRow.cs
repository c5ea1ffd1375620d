using Cdt.Execution;

namespace Cdt.Reporting;

/// <summary>One line of the live table: a cluster and its phase, or a target and its status (members indented under their cluster).</summary>
public sealed record ProgressRow(string Name, string Status, TargetStatus? Target, bool Member);
