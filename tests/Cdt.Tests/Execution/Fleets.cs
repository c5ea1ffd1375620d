using System.Globalization;
using Cdt.Tests.Support;

namespace Cdt.Tests.Execution;

/// <summary>Small inventories for engine tests (a package "pkg_R81_20_T92.tgz" is added by the harness).</summary>
public static class Fleets
{
    public static readonly string HaPair = FleetBuilder.ClusterEntry("cl-a", "clusterxl-ha", "R81.20", [new("10.1.0.1", "active"), new("10.1.0.2", "standby")]);

    public static readonly string HaTriple = FleetBuilder.ClusterEntry("cl-b", "clusterxl-ha", "R81.20", [new("10.1.1.1", "standby"), new("10.1.1.2", "active"), new("10.1.1.3", "standby")]);

    public static readonly string Vrrp = FleetBuilder.ClusterEntry("vr", "vrrp", "R81.20", [new("10.2.0.1", "master"), new("10.2.0.2", "backup")]);

    public static readonly string Vsls = FleetBuilder.ClusterEntry("vs", "vsx-vsls", "R81.20", [new("10.3.0.1", "VSLS member"), new("10.3.0.2", "VSLS active member"), new("10.3.0.3", "VSLS member")]);

    public static string Standalone(int count, string prefix = "gw", string simulation = "")
    {
        var fleet = new FleetBuilder();
        for (var i = 1; i <= count; i++)
        {
            fleet.Gateway(string.Create(CultureInfo.InvariantCulture, $"{prefix}{i:00}"), string.Create(CultureInfo.InvariantCulture, $"10.0.{i / 250}.{i % 250 + 1}"), "R81.20", simulation.Length > 0 ? ["simulation: " + simulation] : []);
        }

        return fleet.ToString();
    }

    /// <summary>A <c>clusters:</c> section holding the given cluster entries.</summary>
    public static string Clusters(params string[] entries) => "clusters:\n" + string.Concat(entries);
}
