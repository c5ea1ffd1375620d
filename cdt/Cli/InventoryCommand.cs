using System.CommandLine;
using Cdt.Diagnostics;
using Cdt.Fleet.Management;

namespace Cdt.Cli;

/// <summary><c>cdt inventory export [--out FILE] [--force]</c>: the management server's gateways as an inventory file, to review or to pin a run to.</summary>
public static class InventoryCommand
{
    public static Command Build(CliContext context)
    {
        var output = new Option<string?>("--out") { Description = "Inventory file to write (default: standard output)" };
        var force = new Option<bool>("--force") { Description = "Replace an existing file" };
        var export = new Command("export", "Read the inventory from the management server of cdt.conf and write it as an inventory file") { output, force };
        export.SetAction(async (parse, ct) =>
        {
            var config = Settings.LoadConfig(parse.GetValue(CdtApp.ConfigOption), context);
            var settings = config.Management
                ?? throw new CdtInputException(config.Source, null, null, "'inventory' is a file, not a management server: there is nothing to export");
            var read = await ManagementInventory.ReadAsync(LocalPorts.Management(context, settings), settings, context.Time, ct);
            if (parse.GetValue(output) is { } path)
            {
                var full = context.Resolve(path);
                read.Write(context.Files, full, parse.GetValue(force));
                await context.Error.WriteLineAsync($"cdt: {read.Fleet.Gateways.Count} gateways and {read.Fleet.Clusters.Count} clusters from {settings.Name} written to {full}");
            }
            else
            {
                await context.Out.WriteAsync(read.Text);
            }

            return ExitCodes.Ok;
        });
        return new Command("inventory", "Read the fleet inventory from the management server of cdt.conf (export)") { export };
    }
}
