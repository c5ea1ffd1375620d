using Cdt.Host;
using System.Diagnostics;
using System.Globalization;
using Cdt.Candidates;
using Cdt.Config;

namespace Cdt.Benchmarks;

/// <summary>
/// One measured case, alone in its process so that figures do not mix: generate (inventory load,
/// eligibility, batches, writing the list, its record and reasons; no probe) or validate (reading
/// the list and its record, every check, the summary). Prints one tab-separated line: kind, rows,
/// wall and CPU seconds of the operation (config load included), CPU seconds of the whole process,
/// peak working set bytes.
/// </summary>
public static class CandidatesCase
{
    public static int Run(string kind, int rows, string folder)
    {
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var config = ConfigLoader.Load(LocalFileStore.Instance, Path.Combine(folder, "cdt.conf"));
        var list = Path.Combine(folder, "list.csv");
        int listed;
        switch (kind)
        {
            case "generate":
                var request = new GenerateRequest
                {
                    Config = config,
                    Package = config.Package!,
                    Mode = "basic",
                    ListPath = list,
                    Force = true,
                    Probe = false,
                };
                var outcome = ListGeneration.RunAsync(request, LocalFileStore.Instance, _ => throw new InvalidOperationException("no probe in this benchmark"), TimeProvider.System, CancellationToken.None)
                    .GetAwaiter().GetResult();
                listed = outcome.List.Rows.Count;
                break;
            case "validate":
                var result = ListValidation.ValidateFile(LocalFileStore.Instance, list, config.Inventory);
                if (!result.IsValid)
                {
                    Console.Error.WriteLine(result.Problems[0]);
                    return 1;
                }

                _ = ListSummary.Render(result.Rows);
                listed = result.Rows.Count;
                break;
            default:
                Console.Error.WriteLine($"unknown case {kind}");
                return 2;
        }

        watch.Stop();
        self.Refresh();
        var cpu = self.TotalProcessorTime;
        if (listed != rows)
        {
            Console.Error.WriteLine($"expected {rows} rows, the list has {listed}");
            return 1;
        }

        Console.WriteLine(string.Join('\t', kind, rows.ToString(CultureInfo.InvariantCulture),
            watch.Elapsed.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture),
            (cpu - cpuBefore).TotalSeconds.ToString("F3", CultureInfo.InvariantCulture),
            cpu.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture),
            self.PeakWorkingSet64.ToString(CultureInfo.InvariantCulture)));
        return 0;
    }
}
