using System.Text.Json.Serialization;

namespace Cdt.Candidates;

[JsonSourceGenerationOptions(WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GenerationRecord))]
internal sealed partial class CdtJsonContext : JsonSerializerContext
{
}
