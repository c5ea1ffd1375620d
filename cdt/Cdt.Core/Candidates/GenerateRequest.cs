using Cdt.Config;

namespace Cdt.Candidates;

/// <summary>Everything generate needs, already resolved from the command line and cdt.conf.</summary>
public sealed record GenerateRequest
{
    public required CdtConfig Config { get; init; }

    public required PackageSpec Package { get; init; }

    /// <summary>"basic" or "advanced", recorded beside the list.</summary>
    public required string Mode { get; init; }

    public required string ListPath { get; init; }

    /// <summary>A list for removing the package: the gateways that have it get batches.</summary>
    public bool Uninstall { get; init; }

    public string? FilterPath { get; init; }

    public bool Force { get; init; }

    public bool Probe { get; init; } = true;

    public CsvDialect Dialect { get; init; } = CsvDialect.Plain;

    public int MaxParallel { get; init; } = 20;
}
