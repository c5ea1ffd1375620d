using System.Text;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Fleet;
using Cdt.Gaia;
using Cdt.Transport;

using Cdt.Storage;

namespace Cdt.Candidates;

/// <summary>
/// The generate operation: inventory, optional probe through the transport, eligibility and
/// batches, then the list, its generation record and the N/A reasons, each written atomically.
/// An existing list is never overwritten without <c>--force</c>.
/// </summary>
public static class ListGeneration
{
    public static async Task<GenerateOutcome> RunAsync(GenerateRequest request, IFileStore files, Func<FleetInventory, IRemoteShell> shellFactory, TimeProvider time, CancellationToken ct)
    {
        var path = Path.GetFullPath(request.ListPath);
        if (files.FolderExists(path))
        {
            throw new CdtInputException(path, null, null, "is a folder: give the path of the list file to write, e.g. --candidates list.csv");
        }

        if (files.FileExists(path) && !request.Force)
        {
            throw new CdtInputException(path, null, null, "already exists: pass --force to replace it, or choose another path with --candidates");
        }

        var inventory = InventoryLoader.LoadFile(files, request.Config.Inventory);
        var filter = request.FilterPath is null ? new HashSet<string>() : FilterFile.Read(files, request.FilterPath);

        IReadOnlyDictionary<string, ProbeResult>? probes = null;
        if (request.Probe)
        {
            await using var shell = shellFactory(inventory);
            var prober = new GatewayProber(new GaiaDriver(shell, request.Config.Execute.CommandTimeout));
            probes = await prober.ProbeAllAsync(inventory, request.MaxParallel, ct);
        }

        var package = KnownName(request.Package, inventory);
        var list = WithLines(CandidatesGenerator.Generate(inventory, package, request.Config.Generate, filter, probes, request.Uninstall), request.Dialect);
        var record = CreateRecord(list, inventory, package, request.Mode, time.GetLocalNow(), GenerationRecordStore.FileSha256(files, request.Config.Inventory)) with { Uninstall = request.Uninstall };

        var reasonsPath = GenerationRecord.ReasonsPathFor(path);
        GenerationRecordStore.Write(files, path, record);
        files.WriteAllTextAtomic(reasonsPath, Reasons(record));
        files.WriteAllTextAtomic(path, CandidatesCsvWriter.Write(list.Rows, request.Dialect), overwrite: request.Force);
        return new GenerateOutcome(path, GenerationRecord.PathFor(path), reasonsPath, list, request.Uninstall);
    }

    /// <summary>
    /// A package known only by its file (a real CDT plan names no package) is looked for on the
    /// gateways under the name CPUSE gives it, when the inventory's <c>packages</c> catalog knows it:
    /// gateways list installed packages by that name, never by file.
    /// </summary>
    public static Config.PackageSpec KnownName(Config.PackageSpec package, FleetInventory inventory) =>
        package.Name == package.FileName && inventory.Catalog.FirstOrDefault(c => c.File == package.FileName) is { } known
            ? package with { Name = known.Name }
            : package;

    /// <summary>Numbers the rows with the lines the writer will put them on (after the header, and the preamble if any).</summary>
    public static GeneratedList WithLines(GeneratedList list, CsvDialect dialect)
    {
        var dataLine = dialect.HasPreamble ? 3 : 2;
        return list with { Rows = list.Rows.Select((r, i) => r with { Line = dataLine + i }).ToList() };
    }

    /// <summary>What validate will check a list against: every immutable cell, and what the inventory was.</summary>
    public static GenerationRecord CreateRecord(GeneratedList list, FleetInventory inventory, Config.PackageSpec package, string mode, DateTimeOffset generatedAt, string inventoryFileSha256) => new()
    {
        GeneratedAt = IsoTime.Format(generatedAt),
        Mode = mode,
        PackageName = package.Name,
        PackageFile = package.FileName,
        InventorySource = inventory.Source,
        InventoryFileSha256 = inventoryFileSha256,
        InventoryFingerprint = inventory.Fingerprint(),
        SecurityGroups = inventory.Clusters.Where(c => c.IsSecurityGroup).Select(c => c.Name).ToList(),
        Filtered = list.Filtered,
        Rows = list.Rows.Select(r => new RecordRow(r.ObjectName, r.ClusterName, r.IpAddress, r.Version, r.State, r.Order.ToCell(), r.Line, r.Reason)).ToList(),
    };

    private static string Reasons(GenerationRecord record)
    {
        var sb = new StringBuilder();
        sb.Append("# Why each N/A row of the candidates list is not eligible (generated ").Append(record.GeneratedAt).Append(")\n");
        sb.Append(record.Uninstall ? "# package to uninstall: " : "# package: ").Append(record.PackageName).Append(" (").Append(record.PackageFile).Append(")\n");
        foreach (var r in record.Rows.Where(r => r.Reason is not null))
        {
            sb.Append(r.Name).Append(": ").Append(r.Reason).Append('\n');
        }

        foreach (var f in record.Filtered)
        {
            sb.Append(f).Append(": left out by the filter file\n");
        }

        return sb.ToString();
    }
}
