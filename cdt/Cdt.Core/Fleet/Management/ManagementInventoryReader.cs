namespace Cdt.Fleet.Management;

/// <summary>
/// Reads a server's gateways and clusters: one session, <c>show-gateways-and-servers</c> page by
/// page until <c>to == total</c>, <c>show-simple-cluster</c> for each cluster, logout in every case.
/// A page that does not continue where the last one ended is refused, never patched over: a list
/// read half would make a candidates list that silently misses gateways.
/// </summary>
public static class ManagementInventoryReader
{
    private const string ListCall = "show-gateways-and-servers";

    public static async Task<ManagementSnapshot> ReadAsync(IManagementApi api, ManagementSettings settings, CancellationToken ct)
    {
        await using var session = await api.LoginAsync(ct);
        var objects = new List<ManagementObject>();
        var offset = 0;
        while (true)
        {
            var page = await session.ShowGatewaysAndServersAsync(offset, settings.PageSize, ct);
            if (page.Total == 0 && page.Objects.Count == 0)
            {
                break;
            }

            var expected = Math.Min(settings.PageSize, page.Total - offset);
            if (page.From != offset + 1 || page.To != offset + page.Objects.Count || page.Objects.Count != expected)
            {
                throw ManagementFault.Of(settings.Name, ListCall, $"the page at offset {offset} came back as objects {page.From} to {page.To} of {page.Total} ({page.Objects.Count} listed): the server cut the list short or it changed while read; run again");
            }

            objects.AddRange(page.Objects);
            offset = page.To;
            if (page.To == page.Total)
            {
                break;
            }
        }

        var clusters = new Dictionary<string, SimpleCluster>(StringComparer.Ordinal);
        // VSX clusters are not simple clusters: their kind is known from the type alone.
        foreach (var o in objects.Where(o => ManagementObjectTypes.Clusters.Contains(o.Type)))
        {
            if (await session.ShowSimpleClusterAsync(o.Name, ct) is { } cluster)
            {
                clusters[o.Name] = cluster;
            }
        }

        return new ManagementSnapshot(objects, clusters);
    }
}
