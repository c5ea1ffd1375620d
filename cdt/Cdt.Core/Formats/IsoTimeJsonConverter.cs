using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cdt.Formats;

/// <summary>Times in state files are ISO 8601 with an offset (UTC), to the second, like every time cdt writes.</summary>
public sealed class IsoTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        IsoTime.TryParse(reader.GetString(), out var value) ? value : throw new JsonException($"'{reader.GetString()}' is not an ISO 8601 time with an offset");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(IsoTime.Format(value.ToUniversalTime()));
}
