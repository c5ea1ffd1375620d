using System.Text.Json;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;

using Cdt.Storage;

namespace Cdt.Plans.Preparation;

/// <summary>Reads and writes <c>LIST.prepared.json</c>, atomically.</summary>
public static class PreparationStore
{
    /// <summary>The record of the list, or null (none, or unreadable: then pre-scripts simply run again).</summary>
    public static PreparationRecord? Load(IFileStore files, string listPath, Action<string> warn)
    {
        var path = PreparationRecord.PathFor(listPath);
        if (!files.FileExists(path))
        {
            return null;
        }

        try
        {
            var record = JsonSerializer.Deserialize(files.ReadAllText(path), PreparationJsonContext.Default.PreparationRecord);
            if (record is not null && record.Format == PreparationRecord.CurrentFormat)
            {
                return record;
            }
        }
        catch (JsonException e)
        {
            warn($"{path} cannot be read ({e.Message}): pre-installation scripts run again");
            return null;
        }

        warn($"{path} is not a preparation record of this version: pre-installation scripts run again");
        return null;
    }

    public static void Save(IFileStore files, string listPath, PreparationRecord record) =>
        files.WriteAtomic(PreparationRecord.PathFor(listPath), s => JsonSerializer.Serialize(s, record, PreparationJsonContext.Default.PreparationRecord));
}
