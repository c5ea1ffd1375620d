using System.Text.Json.Serialization;
using Cdt.Files;

namespace Cdt.Locking;

[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(IsoTimeJsonConverter)])]
[JsonSerializable(typeof(LockHolder))]
internal sealed partial class LockingJsonContext : JsonSerializerContext
{
}
