using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cdt.Candidates;

/// <summary>
/// Reads and writes a <see cref="RecordRow"/> as <c>[name, cluster, ip, version, state, order, line, reason?]</c>.
/// Given a pool, cells that repeat (cluster, version, state, order) are shared, as the list reader does.
/// </summary>
public sealed class RecordRowJsonConverter : JsonConverter<RecordRow>
{
    private readonly CellPool? _pool;

    public RecordRowJsonConverter()
    {
    }

    public RecordRowJsonConverter(CellPool pool)
    {
        _pool = pool;
    }

    public override RecordRow Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(ref reader, JsonTokenType.StartArray, read: false);
        var name = Text(ref reader, null);
        var cluster = Text(ref reader, _pool);
        var ip = Text(ref reader, null);
        var version = Text(ref reader, _pool);
        var state = Text(ref reader, _pool);
        var order = Text(ref reader, _pool);
        Expect(ref reader, JsonTokenType.Number, read: true);
        var line = reader.GetInt32();
        string? reason = null;
        if (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            reason = reader.GetString();
            reader.Read();
        }

        Expect(ref reader, JsonTokenType.EndArray, read: false);
        return new RecordRow(name, cluster, ip, version, state, order, line, reason);
    }

    public override void Write(Utf8JsonWriter writer, RecordRow value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(value.Name);
        writer.WriteStringValue(value.Cluster);
        writer.WriteStringValue(value.Ip);
        writer.WriteStringValue(value.Version);
        writer.WriteStringValue(value.State);
        writer.WriteStringValue(value.Order);
        writer.WriteNumberValue(value.Line);
        if (value.Reason is not null)
        {
            writer.WriteStringValue(value.Reason);
        }

        writer.WriteEndArray();
    }

    private static string Text(ref Utf8JsonReader reader, CellPool? pool)
    {
        Expect(ref reader, JsonTokenType.String, read: true);
        if (pool is null || reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > 128)
        {
            return reader.GetString()!;
        }

        Span<char> chars = stackalloc char[128];
        return pool.Get(chars[..Encoding.UTF8.GetChars(reader.ValueSpan, chars)]);
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, bool read)
    {
        if ((read && !reader.Read()) || reader.TokenType != type)
        {
            throw new JsonException($"a row of the record must be [name, cluster, ip, version, state, order, line, reason?]; found {reader.TokenType}");
        }
    }
}
