using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cdt.Fleet;

/// <summary>What the management database knows: every gateway (in inventory order) and every cluster.</summary>
public sealed class FleetInventory
{
    private readonly Dictionary<string, Gateway> _byName;
    private readonly Dictionary<string, Cluster> _clusters;

    public FleetInventory(IReadOnlyList<Gateway> gateways, IReadOnlyList<Cluster> clusters, IReadOnlyList<CatalogPackage> catalog, string source)
    {
        Gateways = gateways;
        Clusters = clusters;
        Catalog = catalog;
        Source = source;
        _byName = new Dictionary<string, Gateway>(gateways.Count, StringComparer.Ordinal);
        foreach (var g in gateways)
        {
            _byName[g.Name] = g;
        }

        _clusters = clusters.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<Gateway> Gateways { get; }

    public IReadOnlyList<Cluster> Clusters { get; }

    public IReadOnlyList<CatalogPackage> Catalog { get; }

    /// <summary>Where the inventory came from (file path or "embedded sample").</summary>
    public string Source { get; }

    public Gateway? Find(string name) => _byName.GetValueOrDefault(name);

    public Cluster? FindCluster(string name) => _clusters.GetValueOrDefault(name);

    public Cluster? ClusterOf(Gateway gateway) => gateway.ClusterName is null ? null : FindCluster(gateway.ClusterName);

    public IEnumerable<Gateway> MembersOf(Cluster cluster) => cluster.Members.Select(m => _byName[m]);

    /// <summary>
    /// A fingerprint of what a candidates list depends on: which objects exist, their clusters,
    /// kinds, addresses and versions. Member states and installed packages change in normal
    /// operation (a failover, a manual install) and are re-read at execution, so they are left out.
    /// </summary>
    public string Fingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<char> line = stackalloc char[1024];
        Span<byte> bytes = stackalloc byte[4096];
        foreach (var g in Gateways.OrderBy(g => g.Name, StringComparer.Ordinal))
        {
            var kind = g.ClusterName is { } c && FindCluster(c) is { } cl ? cl.Kind.ToString() : "standalone";
            if (line.TryWrite(CultureInfo.InvariantCulture, $"{g.Name}|{g.ClusterName}|{kind}|{g.Ip}|{g.Version}|{g.MemberId}\n", out var chars))
            {
                hash.AppendData(bytes[..Encoding.UTF8.GetBytes(line[..chars], bytes)]);
            }
            else
            {
                hash.AppendData(Encoding.UTF8.GetBytes($"{g.Name}|{g.ClusterName}|{kind}|{g.Ip}|{g.Version}|{g.MemberId}\n"));
            }
        }

        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
