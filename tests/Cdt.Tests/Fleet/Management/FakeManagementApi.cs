using Cdt.Fleet.Management;

namespace Cdt.Tests.Fleet.Management;

/// <summary>A scripted Management API: serves its objects in pages, can cut one short, and counts logins and logouts.</summary>
public sealed class FakeManagementApi(IReadOnlyList<ManagementObject> objects, IReadOnlyDictionary<string, SimpleCluster> clusters) : IManagementApi, IManagementSession
{
    public int Logins { get; private set; }

    public int Logouts { get; private set; }

    public List<int> Offsets { get; } = [];

    /// <summary>The page at this offset comes back one object short.</summary>
    public int? ShortPageAt { get; init; }

    public Task<IManagementSession> LoginAsync(CancellationToken ct)
    {
        Logins++;
        return Task.FromResult<IManagementSession>(this);
    }

    public Task<ManagementPage> ShowGatewaysAndServersAsync(int offset, int limit, CancellationToken ct)
    {
        Offsets.Add(offset);
        var page = objects.Skip(offset).Take(limit).ToList();
        if (offset == ShortPageAt)
        {
            page.RemoveAt(page.Count - 1);
        }

        return Task.FromResult(new ManagementPage(page.Count == 0 ? 0 : offset + 1, offset + page.Count, objects.Count, page));
    }

    public Task<SimpleCluster?> ShowSimpleClusterAsync(string name, CancellationToken ct) =>
        Task.FromResult(clusters.GetValueOrDefault(name));

    public ValueTask DisposeAsync()
    {
        Logouts++;
        return ValueTask.CompletedTask;
    }
}
