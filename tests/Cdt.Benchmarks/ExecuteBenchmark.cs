using System.Diagnostics;
using System.Globalization;

namespace Cdt.Benchmarks;

/// <summary>
/// The execute benchmark: N targets (half standalone, half in 2-member ClusterXL clusters) in 20
/// batches on the simulator. The lower bound is the same run on a manual clock, where the
/// controller takes no time at all (each batch's critical path under max_parallel, summed); the
/// measured run is on simulated time scaled against the wall clock, so every millisecond the
/// controller spends stretches the simulated makespan. Each case runs in a fresh process.
/// </summary>
public static class ExecuteBenchmark
{
    public static int Run(int targets, double scale, int maxParallel)
    {
        Console.WriteLine($"cdt execute benchmark: {targets} targets ({targets / 2} standalone, {targets / 4} two-member ClusterXL clusters), 20 batches, max_parallel {maxParallel}");
        Console.WriteLine($"{Environment.ProcessorCount} CPU(s), .NET {Environment.Version}; each case in a fresh process");
        // The compressed timeline puts a day of journal lines into a minute: on tmpfs, so the figures
        // measure the controller; what fsync costs on this disk is measured and printed apart.
        var root = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        Console.WriteLine($"run folders (journal fsync'd at every event) under {root}");
        Console.WriteLine();
        var folder = Directory.CreateDirectory(Path.Combine(root, "cdt-bench-exec-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        try
        {
            var ideal = RunChild("ideal", targets, scale, maxParallel, folder);
            var scaled = RunChild("scaled", targets, scale, maxParallel, folder);
            if (ideal is null || scaled is null)
            {
                return 1;
            }

            Console.WriteLine("case                    makespan (simulated)   wall (s)   CPU (s)   CPU ms/target   peak (MB)   succeeded");
            Print($"lower bound (manual)", ideal);
            Print($"measured (x{scale.ToString(CultureInfo.InvariantCulture)})", scaled);
            var ratio = scaled.Makespan.TotalSeconds / ideal.Makespan.TotalSeconds;
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"makespan / lower bound = {ratio:F4}: controller overhead {(ratio - 1) * 100:F2} % (target: under 2 %)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"controller CPU per target: {scaled.CpuSeconds * 1000 / targets:F2} ms; peak memory {scaled.PeakBytes / (1024.0 * 1024.0):F0} MB"));
            var fsync = FsyncMilliseconds();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"journal: {scaled.Events} events; an fsync on this machine's disk ({Path.GetTempPath()}) takes {fsync:F2} ms, {scaled.Events * fsync / 1000 / targets * 1000:F1} ms per target over the run"));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The cost of one appended, fsync'd journal line on the disk that holds temporary files.</summary>
    private static double FsyncMilliseconds()
    {
        var path = Path.Combine(Path.GetTempPath(), "cdt-fsync-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            using var stream = new FileStream(path, FileMode.Append, FileAccess.Write);
            var line = new byte[200];
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < 500; i++)
            {
                stream.Write(line);
                stream.Flush(flushToDisk: true);
            }

            return watch.Elapsed.TotalMilliseconds / 500;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void Print(string label, ExecuteCase.Figures f) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-23} {Format(f.Makespan),20} {f.WallSeconds,10:F1} {f.CpuSeconds,9:F1} {f.CpuSeconds * 1000 / f.Targets,15:F2} {f.PeakBytes / (1024.0 * 1024.0),11:F0} {f.Succeeded,11}"));

    private static string Format(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}h{t.Minutes:00}m{t.Seconds:00}s");

    private static ExecuteCase.Figures? RunChild(string kind, int targets, double scale, int maxParallel, string folder) =>
        ChildCase.Run(kind + " case", "execute-case", kind, targets.ToString(CultureInfo.InvariantCulture), scale.ToString(CultureInfo.InvariantCulture), maxParallel.ToString(CultureInfo.InvariantCulture), Path.Combine(folder, kind)) is { } line
            ? ExecuteCase.Figures.Parse(line)
            : null;
}
