using System.Text.Json.Serialization;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;

namespace Cdt.Scheduling;

[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    Converters = [typeof(IsoTimeJsonConverter)])]
[JsonSerializable(typeof(ScheduleState))]
internal sealed partial class SchedulingJsonContext : JsonSerializerContext
{
}
