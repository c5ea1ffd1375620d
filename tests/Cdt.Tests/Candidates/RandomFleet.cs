using Cdt.Fleet;
using Cdt.Gaia;

namespace Cdt.Tests.Candidates;

/// <summary>A random fleet of every kind, with a random filter and random probe answers, repeatable from a seed.</summary>
public sealed class RandomFleet
{
    public const string PackageName = "Hotfix 92";

    private static readonly string[] Versions = ["R81.20", "R81.20", "R81.20", "R81.20", "R80.40", "R82"];

    private static readonly ClusterKind[] Kinds =
    [
        ClusterKind.ClusterXlHa, ClusterKind.Vrrp, ClusterKind.VsxVsls, ClusterKind.ClusterXlLoadSharing,
        ClusterKind.MaestroSecurityGroup, ClusterKind.ElasticXlSecurityGroup,
    ];

    public RandomFleet(int seed)
    {
        var rng = new Random(seed);
        var gateways = new List<Gateway>();
        var clusters = new List<Cluster>();
        var ip = 0;
        Gateway NewGateway(string name, string? cluster, string version) => new()
        {
            Name = name,
            Ip = $"10.{(ip / 65536) % 256}.{(ip / 256) % 256}.{ip++ % 256}",
            Version = version,
            ClusterName = cluster,
            Reachable = rng.Next(12) > 0,
            InstalledPackages = rng.Next(8) == 0 ? [PackageName] : [],
        };

        var units = rng.Next(0, 25);
        for (var u = 0; u < units; u++)
        {
            if (rng.Next(2) == 0)
            {
                gateways.Add(NewGateway($"gw-{u}", null, Versions[rng.Next(Versions.Length)]));
                continue;
            }

            var kind = Kinds[rng.Next(Kinds.Length)];
            var size = kind is ClusterKind.MaestroSecurityGroup or ClusterKind.ElasticXlSecurityGroup ? rng.Next(2, 9) : kind == ClusterKind.Vrrp ? 2 : rng.Next(2, 4);
            var name = $"cl-{u}";
            var clusterVersion = Versions[rng.Next(Versions.Length)];
            var members = Enumerable.Range(1, size).Select(m => NewGateway($"{name}-m{m}", name, rng.Next(10) == 0 ? Versions[rng.Next(Versions.Length)] : clusterVersion)).ToList();
            gateways.AddRange(members);
            clusters.Add(new Cluster { Name = name, Kind = kind, Members = members.Select(m => m.Name).ToList() });
        }

        Inventory = new FleetInventory(gateways, clusters, [], $"random fleet {seed}");

        var filterPool = gateways.Select(g => g.Name).Concat(clusters.Select(c => c.Name)).Append("not-in-the-inventory").ToList();
        Filter = filterPool.Where(_ => rng.Next(12) == 0).ToHashSet(StringComparer.Ordinal);

        Probes = rng.Next(3) == 0
            ? null
            : gateways.Where(_ => rng.Next(5) == 0).ToDictionary(
                g => g.Name,
                g => rng.Next(2) == 0
                    ? new ProbeResult { Reachable = false, Error = "unreachable: probe failed" }
                    : new ProbeResult { Reachable = true, Version = Versions[rng.Next(Versions.Length)], Installed = rng.Next(3) == 0 ? [PackageName] : [] },
                StringComparer.Ordinal);
    }

    public FleetInventory Inventory { get; }

    public IReadOnlySet<string> Filter { get; }

    public IReadOnlyDictionary<string, ProbeResult>? Probes { get; }
}
