using System.Text.Json.Serialization;

namespace Cdt.Plans.Preparation;

/// <summary>
/// Kept beside the list (<c>LIST.prepared.json</c>) by <c>cdt prepare</c>: which steps completed on
/// which target, and the identity of the pre-scripts, so a later execute does not run them again.
/// Sends need no record: they are skipped whenever the same MD5 is already on the gateway.
/// </summary>
public sealed record PreparationRecord
{
    public const int CurrentFormat = 1;

    [JsonPropertyName("format")]
    public int Format { get; init; } = CurrentFormat;

    [JsonPropertyName("list")]
    public required string List { get; init; }

    /// <summary>"basic" or "advanced": a record only serves a run of the same mode.</summary>
    [JsonPropertyName("mode")]
    public required string Mode { get; init; }

    [JsonPropertyName("plan")]
    public string? Plan { get; init; }

    [JsonPropertyName("extended")]
    public bool Extended { get; init; }

    [JsonPropertyName("scripts")]
    public IReadOnlyList<PreparedScript> Scripts { get; init; } = [];

    [JsonPropertyName("targets")]
    public IReadOnlyDictionary<string, PreparedTarget> Targets { get; init; } = new Dictionary<string, PreparedTarget>();

    public static string PathFor(string listPath) => listPath + ".prepared.json";

    /// <summary>The record holds for these scripts: same mode and every script unchanged.</summary>
    public bool Matches(string mode, IReadOnlyList<PreparedScript> scripts) =>
        Mode == mode && Scripts.Count == scripts.Count && Scripts.All(s => scripts.Any(s.SameAs));
}
