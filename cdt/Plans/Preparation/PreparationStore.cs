using System.Text.Json;
using Cdt.Files;

namespace Cdt.Plans.Preparation;

/// <summary>Reads and writes <c>LIST.prepared.json</c>, atomically.</summary>
public static class PreparationStore
{
    /// <summary>The record of the list, or null (none, or unreadable: then pre-scripts simply run again).</summary>
    public static PreparationRecord? Load(string listPath, Action<string> warn)
    {
        var path = PreparationRecord.PathFor(listPath);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var record = JsonSerializer.Deserialize(File.ReadAllText(path), PreparationJsonContext.Default.PreparationRecord);
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

    public static void Save(string listPath, PreparationRecord record) =>
        AtomicFile.Write(PreparationRecord.PathFor(listPath), s => JsonSerializer.Serialize(s, record, PreparationJsonContext.Default.PreparationRecord));
}
