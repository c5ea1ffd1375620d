namespace Cdt.Config;

/// <summary>A user script run on each target (pre- or post-installation), as in CDT's primary configuration.</summary>
public sealed record ScriptSpec
{
    public required string Path { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>A failing blocking pre-script stops installation on that target.</summary>
    public bool Blocking { get; init; } = true;
}
