using System.Collections.Concurrent;
using System.Globalization;
using Cdt.Candidates;
using Cdt.Config;
using Cdt.Diagnostics;
using Cdt.Fleet;
using Cdt.Gaia;
using Cdt.Storage;
using Cdt.Transport;

namespace Cdt.Execution.Health;

/// <summary>
/// <c>cdt health LIST</c>: a snapshot of every target of a valid list, now, installing nothing;
/// kept in <c>&lt;logs_dir&gt;/health-&lt;time&gt;/health/TARGET.now.json</c>. At most <c>max_parallel</c> gateways are asked at once.
/// </summary>
public static class HealthSurvey
{
    public const string Label = "now";

    public static async Task<(string Folder, IReadOnlyList<HealthSurveyEntry> Entries)> RunAsync(
        IFileStore files, CdtConfig config, string listPath, Func<FleetInventory, IRemoteShell> shells, TimeProvider time, CancellationToken ct)
    {
        var validation = ListValidation.ValidateFile(files, listPath, config.Inventory, config.Package);
        if (!validation.IsValid)
        {
            throw new CdtInputException(validation.Problems);
        }

        var inventory = InventoryLoader.LoadFile(files, config.Inventory);
        var targets = RunPlanBuilder.Build(validation.Rows, inventory, listPath).Targets.ToList();
        var folder = Path.Combine(config.Execute.LogsDir, "health-" + time.GetLocalNow().ToString("yyyy-MM-dd_HH-mm-ss", CultureInfo.InvariantCulture));
        var store = new HealthStore(files, folder);
        var results = new ConcurrentDictionary<string, HealthSurveyEntry>(StringComparer.Ordinal);
        var shell = shells(inventory);
        try
        {
            var driver = new GaiaDriver(shell, config.Execute.CommandTimeout);
            var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, config.Execute.MaxParallel), CancellationToken = ct };
            await Parallel.ForEachAsync(targets, options, async (t, token) =>
            {
                var answer = await driver.HealthAsync(t.Target, token);
                if (answer.Value is { } taken)
                {
                    var snapshot = taken with { Target = t.Name, TakenAt = Formats.IsoTime.Format(time.GetLocalNow()) };
                    store.Write(snapshot, Label);
                    results[t.Name] = new HealthSurveyEntry(t.Name, snapshot, null);
                }
                else
                {
                    results[t.Name] = new HealthSurveyEntry(t.Name, null, answer.Error ?? "no answer");
                }
            });
        }
        finally
        {
            await shell.DisposeAsync();
        }

        return (Path.Combine(folder, HealthStore.FolderName), targets.Select(t => results[t.Name]).ToList());
    }
}
