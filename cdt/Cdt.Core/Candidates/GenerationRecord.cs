using System.Text.Json.Serialization;

namespace Cdt.Candidates;

/// <summary>
/// Kept beside a generated list (<c>LIST.gen.json</c>): what generate wrote in every immutable
/// cell, why rows are N/A, and a fingerprint of the inventory it came from. Validate checks an
/// edited list against it.
/// </summary>
public sealed record GenerationRecord
{
    public const int CurrentFormat = 2;

    [JsonPropertyName("format")]
    public int Format { get; init; } = CurrentFormat;

    [JsonPropertyName("generated_at")]
    public required string GeneratedAt { get; init; }

    [JsonPropertyName("mode")]
    public required string Mode { get; init; }

    /// <summary>A list for removing the package (its batches hold the gateways that have it); execute checks it runs an uninstall.</summary>
    [JsonPropertyName("uninstall")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Uninstall { get; init; }

    [JsonPropertyName("package_name")]
    public required string PackageName { get; init; }

    [JsonPropertyName("package_file")]
    public required string PackageFile { get; init; }

    [JsonPropertyName("inventory_source")]
    public required string InventorySource { get; init; }

    /// <summary>SHA-256 of the inventory file's bytes: equal means unchanged without parsing it.</summary>
    [JsonPropertyName("inventory_file_sha256")]
    public required string InventoryFileSha256 { get; init; }

    [JsonPropertyName("inventory_fingerprint")]
    public required string InventoryFingerprint { get; init; }

    /// <summary>Which cluster names are Security Groups, so messages call them by their name.</summary>
    [JsonPropertyName("security_groups")]
    public IReadOnlyList<string> SecurityGroups { get; init; } = [];

    [JsonPropertyName("filtered")]
    public IReadOnlyList<string> Filtered { get; init; } = [];

    [JsonPropertyName("rows")]
    public required IReadOnlyList<RecordRow> Rows { get; init; }

    public static string PathFor(string listPath) => listPath + ".gen.json";

    public static string ReasonsPathFor(string listPath) => listPath + ".reasons.txt";
}
