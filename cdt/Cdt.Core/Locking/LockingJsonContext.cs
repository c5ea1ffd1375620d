using System.Text.Json.Serialization;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;

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
