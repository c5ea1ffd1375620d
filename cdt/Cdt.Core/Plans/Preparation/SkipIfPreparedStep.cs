using Cdt.Execution;

namespace Cdt.Plans.Preparation;

/// <summary>A pre-script step that <c>cdt prepare</c> already completed on a target is not run again.</summary>
public sealed class SkipIfPreparedStep : ITargetStep
{
    private readonly ITargetStep _inner;
    private readonly PreparationRecord _record;

    public SkipIfPreparedStep(ITargetStep inner, PreparationRecord record)
    {
        _inner = inner;
        _record = record;
    }

    public string Name => _inner.Name;

    public bool Critical => _inner.Critical;

    public bool RunOnce => _inner.RunOnce;

    public Task<StepResult> RunAsync(TargetContext c, CancellationToken ct) =>
        _record.Targets.TryGetValue(c.Target.Name, out var done) && done.Steps.Contains(Name, StringComparer.Ordinal)
            ? Task.FromResult(StepResult.Skipped("done by cdt prepare at " + done.At))
            : _inner.RunAsync(c, ct);

    /// <summary>Wraps the pre-script steps when the record holds for the scripts as they are now.</summary>
    public static IReadOnlyList<ITargetStep> Wrap(IReadOnlyList<ITargetStep> steps, PreparationRecord? record, string mode, IReadOnlyList<PreparedScript> scripts)
    {
        if (record is null || !record.Matches(mode, scripts))
        {
            return steps;
        }

        var names = scripts.Select(s => s.Step).ToHashSet(StringComparer.Ordinal);
        return [.. steps.Select(s => names.Contains(s.Name) ? new SkipIfPreparedStep(s, record) : s)];
    }
}
