using System.Text.Json.Serialization;

namespace Cdt.Candidates;

/// <summary>
/// One generated row as the generation record keeps it. Stored as a JSON array
/// <c>[name, cluster, ip, version, state, order, line, reason?]</c>: a record of 100,000 rows stays
/// small and quick to read.
/// </summary>
[JsonConverter(typeof(RecordRowJsonConverter))]
public sealed record RecordRow(string Name, string Cluster, string Ip, string Version, string State, string Order, int Line, string? Reason);
