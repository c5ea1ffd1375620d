using Cdt.Fleet;

namespace Cdt.Config;

/// <summary>The <c>active_passive</c> section of cdt.conf: defaults for every active/passive pair.</summary>
public sealed record ActivePassiveSettings
{
    /// <summary>Commands used by every pair that does not set its own.</summary>
    public PairCommands Commands { get; init; } = new();

    /// <summary>Install rounds at most while the pending command says more updates wait (seed 003, step 19).</summary>
    public int MaxRounds { get; init; } = 3;

    /// <summary>How long the nodes may take to be in sync again after a reboot.</summary>
    public TimeSpan SyncTimeout { get; init; } = TimeSpan.FromMinutes(30);
}
