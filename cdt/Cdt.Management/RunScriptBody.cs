using System.Text.Json.Serialization;

namespace Cdt.Management;

/// <summary>The <c>run-script</c> body: one script for one gateway, named by its object name.</summary>
public sealed class RunScriptBody
{
    [JsonPropertyName("script-name")] public string? ScriptName { get; set; }

    [JsonPropertyName("script")] public string? Script { get; set; }

    [JsonPropertyName("targets")] public List<string>? Targets { get; set; }
}
