using System.Globalization;

namespace Cdt.Benchmarks;

/// <summary>
/// Runs generate then validate for each size, each case in a fresh child process of this program,
/// and prints rows per second, CPU time and peak memory of each.
/// </summary>
public static class CandidatesBenchmark
{
    public static int Run(IReadOnlyList<int> sizes)
    {
        Console.WriteLine("cdt candidates benchmark: generate (no probe) and validate, each case in a fresh process");
        Console.WriteLine($"{Environment.ProcessorCount} CPU(s), .NET {Environment.Version}, {RuntimeInfo()}");
        Console.WriteLine();
        Console.WriteLine("case          rows   wall (s)    CPU (s)   rows/CPU-s   process CPU (s)   peak (MB)");
        foreach (var rows in sizes)
        {
            var folder = Directory.CreateTempSubdirectory("cdt-bench-").FullName;
            try
            {
                Prepare(folder, rows);
                foreach (var kind in new[] { "generate", "validate" })
                {
                    var line = RunChild(kind, rows, folder);
                    if (line is null)
                    {
                        return 1;
                    }

                    var f = line.Split('\t');
                    var wall = double.Parse(f[2], CultureInfo.InvariantCulture);
                    var cpu = double.Parse(f[3], CultureInfo.InvariantCulture);
                    var process = double.Parse(f[4], CultureInfo.InvariantCulture);
                    var peak = long.Parse(f[5], CultureInfo.InvariantCulture) / (1024.0 * 1024.0);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind,-9} {rows,8} {wall,10:F2} {cpu,10:F2} {rows / cpu,12:N0} {process,17:F2} {peak,11:F0}"));
                }
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        Console.WriteLine();
        Console.WriteLine("wall, CPU and rows/CPU-s: the operation (config load included); process CPU and peak: the whole child process, start-up included.");
        Console.WriteLine("rows/CPU-s is rows per second of CPU: wall time depends on what else the machine runs.");
        return 0;
    }

    private static void Prepare(string folder, int rows)
    {
        FleetYaml.Write(Path.Combine(folder, "fleet.yml"), rows);
        File.WriteAllText(Path.Combine(folder, "cdt.conf"), $"""
            inventory: fleet.yml
            package:
              path: Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz
              name: {FleetYaml.PackageName}
              versions: [R81.20]
            generate:
              probe: false
              batch_policy: canary
              batch_size: 50

            """);
    }

    private static string? RunChild(string kind, int rows, string folder) =>
        ChildCase.Run(string.Create(CultureInfo.InvariantCulture, $"{kind} {rows}"), "candidates-case", kind, rows.ToString(CultureInfo.InvariantCulture), folder);

    private static string RuntimeInfo() =>
        System.Runtime.GCSettings.IsServerGC ? "server GC" : "workstation GC";
}
