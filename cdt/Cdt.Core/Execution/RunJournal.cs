using System.Text;
using System.Text.Json;

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

    /// <summary>Reads every complete line of a journal; a torn last line (a crash mid-write) is ignored.</summary>
    public static IReadOnlyList<RunEvent> Read(IFileStore files, string path)
    {
        var events = new List<RunEvent>();
        foreach (var line in files.ReadLines(path))
        {
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize(line, ExecutionJsonContext.Readable.RunEvent) is { } e)
                {
                    events.Add(e);
                }
            }
            catch (JsonException)
            {
                // Only the last line can be torn; anything after it would be a different bug.
                break;
            }
        }

        return events;
    }
}
