namespace Cdt.Config;

/// <summary>The <c>generate</c> section of cdt.conf.</summary>
public sealed record GenerateSettings
{
    /// <summary>Refresh versions, states and installed packages from the gateways before deciding.</summary>
    public bool Probe { get; init; } = true;

    public BatchPolicy Policy { get; init; } = BatchPolicy.Canary;

    public int BatchSize { get; init; } = 10;
}
