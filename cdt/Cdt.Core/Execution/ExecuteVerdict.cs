namespace Cdt.Execution;

/// <summary>What <c>cdt execute</c> came to: a dry run's text, a refusal, or a run's outcome.</summary>
public abstract record ExecuteVerdict
{
    private ExecuteVerdict()
    {
    }

    /// <summary><c>--dry-run</c>: the batches and the predicted timeline; nothing was touched.</summary>
    public sealed record Previewed(string Text) : ExecuteVerdict;

    /// <summary>Nothing ran: a schedule's update lock is set, or another run holds the list.</summary>
    public sealed record Refused(IReadOnlyList<string> Reasons) : ExecuteVerdict;

    public sealed record Ran(ExecuteOutcome Outcome) : ExecuteVerdict;
}
