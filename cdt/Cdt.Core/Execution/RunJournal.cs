using System.Text;
using System.Text.Json;

using Cdt.Diagnostics;
using Cdt.Storage;

namespace Cdt.Execution;

/// <summary>
/// The append-only journal of a run (<c>journal.jsonl</c>): one JSON line per event, written and
/// flushed to disk before the run goes on, so a crash, <c>kill -9</c> or power cut loses at most
/// the transition in progress.
/// </summary>
public sealed class RunJournal : IDisposable
{
    private readonly Stream _stream;
    private readonly object _gate = new();

    public RunJournal(IFileStore files, string path)
    {
        Path = path;
        _stream = files.OpenAppend(path);
    }

    public string Path { get; }

    public void Append(RunEvent e)
    {
        var line = JsonSerializer.Serialize(e, ExecutionJsonContext.Readable.RunEvent) + "\n";
        var bytes = Encoding.UTF8.GetBytes(line);
        lock (_gate)
        {
            _stream.Write(bytes);
            _stream.Flush();
        }
    }

    public void Dispose() => _stream.Dispose();

    /// <summary>
    /// Reads every event of a journal. Only the last line can be torn (a crash or power cut
    /// mid-write): it is dropped, with a warning. A damaged line anywhere else means the file was
    /// changed by something other than cdt, and the events after it cannot be trusted: refused,
    /// naming the file and line, rather than resuming from a silently shortened history.
    /// </summary>
    public static IReadOnlyList<RunEvent> Read(IFileStore files, string path, Action<string>? warn = null)
    {
        var events = new List<RunEvent>();
        (int Line, string Reason)? damaged = null;
        var number = 0;
        foreach (var line in files.ReadLines(path))
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            if (damaged is { } d)
            {
                throw new CdtInputException(path, d.Line, null, $"damaged journal line ({d.Reason}) with events after it: the run's history cannot be trusted; restore the file, or move the run folder aside to start afresh");
            }

            try
            {
                if (JsonSerializer.Deserialize(line, ExecutionJsonContext.Readable.RunEvent) is { } e)
                {
                    events.Add(e);
                }
            }
            catch (JsonException ex)
            {
                damaged = (number, ex.Message.Split('.')[0]);
            }
        }

        if (damaged is { } torn)
        {
            warn?.Invoke($"{path}:{torn.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)}: dropped a torn last journal line (a crash mid-write); the step it recorded runs again");
        }

        return events;
    }
}
