using System.Diagnostics;
using System.Globalization;
using Cdt.Cli;
using Cdt.Fleet;

namespace Cdt.Benchmarks;

/// <summary>
/// One <c>cdt inventory export</c>, through the real command, alone in its process. Prints one
/// tab-separated line: gateways exported, wall seconds, process CPU seconds, peak working set bytes (taken before the file is read back to count it).
/// </summary>
public static class MgmtCase
{
    public static async Task<int> RunAsync(string config, string output)
    {
        var watch = Stopwatch.StartNew();
        var error = new StringWriter();
        var code = await CdtApp.RunAsync(["inventory", "export", "--config", config, "--out", output], new CliContext { Out = TextWriter.Null, Error = error });
        watch.Stop();
        if (code != 0)
        {
            Console.Error.WriteLine(error.ToString());
            return 1;
        }

        using var self = Process.GetCurrentProcess();
        var (cpu, peak) = (self.TotalProcessorTime, self.PeakWorkingSet64);
        var gateways = InventoryLoader.LoadText(output, await File.ReadAllTextAsync(output)).Gateways.Count;
        Console.WriteLine(string.Join('\t', gateways.ToString(CultureInfo.InvariantCulture),
            watch.Elapsed.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture),
            cpu.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture),
            peak.ToString(CultureInfo.InvariantCulture)));
        return 0;
    }
}
