using Cdt.Execution;

using Cdt.Storage;

namespace Cdt.Plans.Preparation;

/// <summary>
/// Writes the preparation record as prepare goes: after each target, its completed steps are
/// added and the file is rewritten atomically, so an interrupted prepare still counts.
/// </summary>
public sealed class PreparationRecorder : IRunObserver
{
    private readonly IFileStore _files;
    private readonly string _listPath;
    private readonly Dictionary<string, PreparedTarget> _targets;
    private readonly object _gate = new();
    private PreparationRecord _record;

    public PreparationRecorder(IFileStore files, string listPath, PreparationRecord start)
    {
        _files = files;
        _listPath = listPath;
        _record = start;
        _targets = new Dictionary<string, PreparedTarget>(start.Targets, StringComparer.Ordinal);
    }

    /// <summary>The first time the system refused the record (a full disk): <c>cannot write PATH: REASON</c>.</summary>
    public string? WriteError { get; private set; }

    public PreparationRecord Record
    {
        get
        {
            lock (_gate)
            {
                return _record;
            }
        }
    }

    public void OnEvent(RunEvent e, RunState state)
    {
        if (e.Event != RunEvents.TargetFinished || e.Target is not { } name)
        {
            return;
        }

        var steps = state.Read(s => s.Targets[name].CompletedSteps.ToList());
        lock (_gate)
        {
            var before = _targets.TryGetValue(name, out var earlier) ? earlier.Steps : [];
            _targets[name] = new PreparedTarget { At = e.At, Steps = [.. before.Union(steps, StringComparer.Ordinal).Order(StringComparer.Ordinal)] };
            _record = _record with { Targets = new Dictionary<string, PreparedTarget>(_targets, StringComparer.Ordinal) };
            try
            {
                PreparationStore.Save(_files, _listPath, _record);
            }
            catch (FileAccessException x)
            {
                // The run goes on (the recorder's failure is a warning); prepare ends with the error.
                WriteError ??= x.Message;
                throw;
            }
        }
    }

    public void OnDetail(string? target, string text)
    {
    }
}
