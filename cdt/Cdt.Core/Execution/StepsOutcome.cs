namespace Cdt.Execution;

/// <summary>How a run of steps on one target went: all fine (with the summary and non-critical warnings), or the critical step that failed.</summary>
public sealed record StepsOutcome(bool Ok, string Message, IReadOnlyList<string> Warnings)
{
    /// <summary>The target's final message: the failure, or the summary with the warnings after it.</summary>
    public string Text => !Ok || Warnings.Count == 0 ? Message : Message + "; warnings: " + string.Join("; ", Warnings);
}
