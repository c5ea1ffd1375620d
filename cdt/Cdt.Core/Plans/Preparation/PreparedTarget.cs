using System.Text.Json.Serialization;

namespace Cdt.Plans.Preparation;

/// <summary>What prepare completed on one target, and when.</summary>
public sealed record PreparedTarget
{
    [JsonPropertyName("at")]
    public required string At { get; init; }

    [JsonPropertyName("steps")]
    public required IReadOnlyList<string> Steps { get; init; }
}
