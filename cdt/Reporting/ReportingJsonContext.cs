using System.Text.Json.Serialization;

namespace Cdt.Reporting;

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RunSummary))]
internal sealed partial class ReportingJsonContext : JsonSerializerContext
{
}
