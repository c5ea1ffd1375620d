using System.Text.Json.Serialization;

namespace Cdt.Execution;

[JsonSourceGenerationOptions(WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RunEvent))]
internal sealed partial class ExecutionJsonContext : JsonSerializerContext
{
}
