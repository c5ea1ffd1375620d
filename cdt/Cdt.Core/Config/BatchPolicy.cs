namespace Cdt.Config;

/// <summary>How generate assigns batch numbers.</summary>
public enum BatchPolicy
{
    /// <summary>One gateway or cluster alone in batch 1, then batches of at most batch_size gateways.</summary>
    Canary,

    /// <summary>Batches of at most batch_size gateways from the start.</summary>
    Fixed,

    /// <summary>Everything eligible in batch 1.</summary>
    Single,
}
