using System.Text.Json;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;

using Cdt.Storage;

namespace Cdt.Scheduling;

/// <summary>One JSON file per schedule in the state folder, always written atomically.</summary>
public sealed class ScheduleStateStore
{
    private readonly IFileStore _files;

    public ScheduleStateStore(IFileStore files, string folder)
    {
        _files = files;
        Folder = folder;
    }

    public string Folder { get; }

    public string PathFor(string schedule) => Path.Combine(Folder, schedule + ".json");

    public StateRead Read(string schedule)
    {
        var path = PathFor(schedule);
        if (!_files.FileExists(path))
        {
            return new StateRead(null, null);
        }

        try
        {
            var bytes = _files.ReadAllBytes(path);
            var state = JsonSerializer.Deserialize(bytes, SchedulingJson.Readable.ScheduleState);
            if (state is null || state.Format != ScheduleState.CurrentFormat || state.Schedule != schedule)
            {
                return new StateRead(null, $"{path}: not a state file of schedule '{schedule}' in format {ScheduleState.CurrentFormat}");
            }

            return new StateRead(state, null);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return new StateRead(null, $"{path}: unreadable ({e.Message.Split('\n')[0]})");
        }
    }

    public void Write(ScheduleState state) =>
        _files.WriteAtomic(PathFor(state.Schedule), s => JsonSerializer.Serialize(s, state, SchedulingJson.Readable.ScheduleState));
}
