using System.Collections.Concurrent;
using System.Security.Cryptography;
using Cdt.Candidates;
using Cdt.Config;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Fleet;
using Cdt.Gaia;
using Cdt.Plans;
using Cdt.Transport;

using Cdt.Storage;

namespace Cdt.Scheduling;

/// <summary>
/// The scheduler's own work on gateways through the configured remote shell: targets from the
/// schedule's list, the package sent to <c>/var/log/upload/</c> and verified by MD5 (CPUSE's
/// check), the notice command. One shell for the life of the process, closed on dispose.
/// </summary>
public sealed class ShellScheduleFleet : IScheduleFleet, IAsyncDisposable
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);
    private readonly IFileStore _files;
    private readonly string _inventoryPath;
    private readonly Func<FleetInventory, IRemoteShell> _shellFactory;
    private readonly ConcurrentDictionary<string, (DateTimeOffset Written, long Size, string Md5)> _checksums = new(StringComparer.Ordinal);
    private FleetInventory? _inventory;
    private IRemoteShell? _shell;

    public ShellScheduleFleet(IFileStore files, string inventoryPath, Func<FleetInventory, IRemoteShell> shellFactory)
    {
        _files = files;
        _inventoryPath = inventoryPath;
        _shellFactory = shellFactory;
    }

    public FleetPlan Resolve(ScheduleSettings schedule)
    {
        try
        {
            var package = PackageOf(schedule);
            if (package is not null && !_files.FileExists(package.Path))
            {
                return FleetPlan.Failed($"{package.Path}: package file not found (schedule '{schedule.Name}')");
            }

            var list = CandidatesCsvReader.ReadFile(_files, schedule.Candidates);
            if (list.Problems.Count > 0)
            {
                return FleetPlan.Failed(list.Problems[0].ToString() + " (run 'cdt validate' on it)");
            }

            var inventory = Inventory();
            var targets = list.Rows.Where(r => UpgradeOrder.Parse(r.OrderText) is UpgradeOrder.BatchOrder).Select(r => r.ObjectName).ToList();
            if (targets.FirstOrDefault(t => inventory.Find(t) is null) is { } unknown)
            {
                return FleetPlan.Failed($"{schedule.Candidates}: {unknown} is not in the inventory {inventory.Source}: run 'cdt generate' again");
            }

            return package is null
                ? new FleetPlan { Targets = targets, NothingToSend = true }
                : new FleetPlan { Targets = targets, Package = package.FileName, PackageMd5 = Md5Of(package.Path) };
        }
        catch (CdtInputException e)
        {
            return FleetPlan.Failed(e.ToDisplayLine());
        }
        catch (IOException e)
        {
            return FleetPlan.Failed(e.Message);
        }
    }

    public async Task<TransferAttempt> TransferOnceAsync(ScheduleSettings schedule, string target, CancellationToken ct)
    {
        var package = PackageOf(schedule) ?? throw new InvalidOperationException($"schedule {schedule.Name} has no package to send");
        var expected = Md5Of(package.Path);
        var t = Target.From(Inventory().Find(target)!);
        var driver = new GaiaDriver(Shell(), CommandTimeout);
        var remote = GaiaCommands.UploadFolder + "/" + RemoteValues.RequireFileName(package.FileName);
        if (t.Shell == LoginShell.Clish)
        {
            // No md5sum from a Clish login: as in the engine's send step, CPUSE's import checks the file.
            var copied = await Shell().SendFileAsync(t, package.Path, remote, SendTimeout, ct);
            return copied.Succeeded ? TransferAttempt.Ok : TransferAttempt.Failed(copied.Describe());
        }

        if ((await driver.Md5Async(t, remote, ct)).Value == expected)
        {
            return TransferAttempt.Ok;
        }

        var sent = await Shell().SendFileAsync(t, package.Path, remote, SendTimeout, ct);
        if (!sent.Succeeded)
        {
            return TransferAttempt.Failed(sent.Describe());
        }

        if (Shell().ChecksSentFiles)
        {
            return TransferAttempt.Ok;
        }

        var check = await driver.Md5Async(t, remote, ct);
        return check.Value == expected
            ? TransferAttempt.Ok
            : TransferAttempt.Failed(check.Value is null ? check.Error ?? "no checksum" : $"checksum mismatch after sending: expected {expected}, found {check.Value}");
    }

    public Task<CommandResult> RunNoticeAsync(ScheduleSettings schedule, string target, CancellationToken ct)
    {
        var t = Target.From(Inventory().Find(target)!);
        return Shell().RunAsync(t, GaiaCommands.Expert(t, schedule.NoticeCommand!), CommandTimeout, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_shell is not null)
        {
            await _shell.DisposeAsync();
        }
    }

    /// <summary>The package to send ahead: Basic mode's, or the plan's first to install; null for a plan that only uninstalls.</summary>
    private PackageSpec? PackageOf(ScheduleSettings s)
    {
        if (s.Package is { } package)
        {
            return package;
        }

        var (first, removes) = PlanLoader.Load(_files, s.Plan ?? throw new InvalidOperationException($"schedule {s.Name} has neither package nor plan")).RequireListPackage();
        return removes ? null : first;
    }

    private FleetInventory Inventory() => _inventory ??= InventoryLoader.LoadFile(_files, _inventoryPath);

    private IRemoteShell Shell() => _shell ??= _shellFactory(Inventory());

    private string Md5Of(string path)
    {
        var (written, size) = (_files.LastWritten(path), _files.FileSize(path));
        var known = _checksums.GetValueOrDefault(path);
        if (known.Md5 is not null && known.Written == written && known.Size == size)
        {
            return known.Md5;
        }

        using var stream = _files.OpenRead(path);
        var md5 = Convert.ToHexStringLower(MD5.HashData(stream));
        _checksums[path] = (written, size, md5);
        return md5;
    }
}
