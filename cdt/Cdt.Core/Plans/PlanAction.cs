namespace Cdt.Plans;

/// <summary>
/// One action of a plan, run on each target in file order. Every action has the same three
/// knobs: critical (a failure stops that target), a time-out, and how often to retry.
/// </summary>
public abstract record PlanAction
{
    /// <summary>CDT's name of the action, as written in both formats (<c>install_package</c>, ...).</summary>
    public abstract string ActionName { get; }

    /// <summary>True (the default): a failure stops the plan on that target; false: note it and go on.</summary>
    public bool Critical { get; init; } = true;

    /// <summary>The time-out as written; null means <see cref="DefaultTimeout"/>.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>How many more times a failed action is tried before it counts as failed.</summary>
    public int Retries { get; init; }

    /// <summary>XML comments written just before the action (kept by conversion to YAML).</summary>
    public string? Comment { get; init; }

    public required PlanPosition Position { get; init; }

    /// <summary>Where each attribute was written, for messages that point at the value.</summary>
    public IReadOnlyDictionary<string, PlanPosition> AttributePositions { get; init; } = new Dictionary<string, PlanPosition>();

    /// <summary>How long the action may take when the plan does not say.</summary>
    public abstract TimeSpan DefaultTimeout { get; }

    public TimeSpan EffectiveTimeout => Timeout ?? DefaultTimeout;

    public PlanPosition PositionOf(string attribute) => AttributePositions.GetValueOrDefault(attribute, Position);
}
