using System.Text;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using CsvHelper;

using Cdt.Storage;

namespace Cdt.Reporting;

/// <summary>Writes results.csv: the list's six columns plus status, started, finished, duration and message.</summary>
public static class ResultsCsvWriter
{
    public static readonly IReadOnlyList<string> Header =
        ["Object Name", "Cluster Name", "IP Address", "Version", "State", "Upgrade Order", "Status", "Started", "Finished", "Duration", "Message"];

    public static void Write(IFileStore files, string path, IReadOnlyList<RowResult> results) => files.WriteAtomic(path, stream =>
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions(), leaveOpen: true))
        {
            csv.WriteRecord(Header.ToArray());
            foreach (var r in results)
            {
                csv.WriteRecord(
                [
                    r.Row.ObjectName,
                    r.Row.ClusterName,
                    r.Row.IpAddress,
                    r.Row.Version,
                    r.Row.State,
                    r.Row.Order.ToCell(),
                    r.Status,
                    r.Started is { } s ? IsoTime.Format(s) : string.Empty,
                    r.Finished is { } f ? IsoTime.Format(f) : string.Empty,
                    r.Duration is { } d ? DurationText.Format(TimeSpan.FromSeconds(Math.Round(d.TotalSeconds))) : string.Empty,
                    r.Message,
                ]);
            }
        }

        writer.Flush();
    });
}
