using System.Text.Json.Serialization;

namespace Cdt.Plans.Preparation;

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PreparationRecord))]
internal sealed partial class PreparationJsonContext : JsonSerializerContext
{
}
