using System.Text.Json.Serialization;

namespace Cdt.Management;

/// <summary>The <c>put-file</c> body: the file's content is a JSON string, so cdt sends it as base64 text.</summary>
public sealed class PutFileBody
{
    [JsonPropertyName("targets")] public List<string>? Targets { get; set; }

    [JsonPropertyName("file-path")] public string? FilePath { get; set; }

    [JsonPropertyName("file-name")] public string? FileName { get; set; }

    [JsonPropertyName("file-content")] public string? FileContent { get; set; }
}
