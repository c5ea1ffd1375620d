using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;

using Cdt.Storage;

namespace Cdt.Candidates;

/// <summary>Reads and writes generation records (atomically, like every file cdt writes).</summary>
public static class GenerationRecordStore
{
    /// <summary>A context per read, whose row converter shares repeated cells among that record's rows.</summary>
    private static CdtJsonContext ReadContext() => new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new RecordRowJsonConverter(new CellPool()) },
    });

    public static void Write(IFileStore files, string listPath, GenerationRecord record) =>
        files.WriteAtomic(GenerationRecord.PathFor(listPath), s => JsonSerializer.Serialize(s, record, CdtJsonContext.Readable.GenerationRecord));

    /// <summary>The record beside a list, null if there is none, or a one-line error if it is unreadable.</summary>
    public static GenerationRecord? TryRead(IFileStore files, string listPath, out string? error)
    {
        error = null;
        var path = GenerationRecord.PathFor(listPath);
        if (!files.FileExists(path))
        {
            return null;
        }

        try
        {
            // From bytes, not a stream: the serializer then reads each row once instead of buffering it first.
            var record = JsonSerializer.Deserialize(files.ReadAllBytes(path), ReadContext().GenerationRecord);
            if (record is null)
            {
                error = $"generation record {path} is damaged (not the JSON generate wrote)";
                return null;
            }

            if (record.Format != GenerationRecord.CurrentFormat)
            {
                error = string.Create(CultureInfo.InvariantCulture,
                    $"generation record {path} has format {record.Format}, and this cdt reads format {GenerationRecord.CurrentFormat}");
                return null;
            }

            return record;
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}") : string.Empty;
            error = $"generation record {path} is damaged (not the JSON generate wrote{where})";
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"generation record {path} cannot be read ({e.Message})";
            return null;
        }
    }

    public static string FileSha256(IFileStore files, string path)
    {
        if (path == Fleet.InventoryLoader.EmbeddedSampleName)
        {
            return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Fleet.InventoryLoader.EmbeddedSample())));
        }

        using var stream = files.OpenRead(path);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
