using System.Text.Json;
using System.Text.Json.Serialization;
using Cdt.Gaia.Health;

namespace Cdt.Execution.Health;

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HealthSnapshot))]
[JsonSerializable(typeof(List<HealthFinding>))]
internal sealed partial class HealthJsonContext : JsonSerializerContext
{
    /// <summary>Like <see cref="Default"/>, but writes '+' and non-ASCII text as themselves: files people read.</summary>
    public static HealthJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    });
}
