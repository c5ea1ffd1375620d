using System.Text.Json.Serialization;

namespace Cdt.Scheduling;

[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    Converters = [typeof(IsoTimeJsonConverter)])]
[JsonSerializable(typeof(ScheduleState))]
[JsonSerializable(typeof(LockHolder))]
internal sealed partial class SchedulingJsonContext : JsonSerializerContext
{
}
