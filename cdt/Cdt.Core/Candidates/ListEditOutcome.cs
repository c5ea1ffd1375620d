namespace Cdt.Candidates;

/// <summary>How an edit of a list ended: only <see cref="Updated"/> wrote anything.</summary>
public abstract record ListEditOutcome
{
    private ListEditOutcome()
    {
    }

    /// <summary>The list was replaced, atomically, by the valid edit.</summary>
    public sealed record Updated(ValidationResult Result) : ListEditOutcome;

    /// <summary>The edit left every byte as it was.</summary>
    public sealed record Unchanged : ListEditOutcome;

    /// <summary>The list (as it is, or as edited) is not valid: its problems.</summary>
    public sealed record Invalid(ValidationResult Result) : ListEditOutcome;

    /// <summary>Names given to change that are neither an object nor a cluster of the list.</summary>
    public sealed record UnknownNames(IReadOnlyList<string> Errors) : ListEditOutcome;

    /// <summary>Nothing was written, for this reason (the editor failed, the changes were discarded, the list changed meanwhile).</summary>
    public sealed record NotWritten(string Reason) : ListEditOutcome;
}
