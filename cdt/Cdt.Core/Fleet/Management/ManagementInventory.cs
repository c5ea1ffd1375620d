using System.Text;
using Cdt.Diagnostics;
using Cdt.Storage;

namespace Cdt.Fleet.Management;

/// <summary>
/// An inventory read from a Management API server, rendered as an inventory file and read back by
/// the same loader as any file, so a server's answer is validated exactly like a file (and a
/// server that lists something cdt cannot read fails before any gateway is touched).
/// </summary>
public sealed record ManagementInventory(string Text, FleetInventory Fleet)
{
    public static async Task<ManagementInventory> ReadAsync(IManagementApi api, ManagementSettings settings, TimeProvider time, CancellationToken ct)
    {
        var snapshot = await ManagementInventoryReader.ReadAsync(api, settings, ct);
        var text = ManagementInventoryYaml.Render(snapshot, settings, time.GetLocalNow());
        return new ManagementInventory(text, InventoryLoader.LoadText(settings.Name, text));
    }

    /// <summary>Writes the file atomically; an existing file is replaced only when asked to.</summary>
    public void Write(IFileStore files, string path, bool overwrite)
    {
        if (!overwrite && files.FileExists(path))
        {
            throw new CdtInputException(path, null, null, "the file exists: pass --force to replace it");
        }

        var bytes = Encoding.UTF8.GetBytes(Text);
        files.WriteAtomic(path, s => s.Write(bytes), overwrite);
    }
}
