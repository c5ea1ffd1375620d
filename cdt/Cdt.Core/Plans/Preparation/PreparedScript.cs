using System.Text.Json.Serialization;

namespace Cdt.Plans.Preparation;

/// <summary>A pre-installation script as prepare ran it: a later execute skips it only if it is still the same script.</summary>
public sealed record PreparedScript
{
    /// <summary>The step that runs it: <c>pre_script</c> (Basic mode) or the plan's <c>execute_script#N</c>.</summary>
    [JsonPropertyName("step")]
    public required string Step { get; init; }

    [JsonPropertyName("path")]
    public required string Path { get; init; }

    [JsonPropertyName("md5")]
    public required string Md5 { get; init; }

    [JsonPropertyName("arguments")]
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Same step, same file content, same arguments.</summary>
    public bool SameAs(PreparedScript other) =>
        Step == other.Step && Path == other.Path && Md5 == other.Md5 && Arguments.SequenceEqual(other.Arguments, StringComparer.Ordinal);
}
