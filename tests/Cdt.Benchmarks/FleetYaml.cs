using System.Globalization;
using Cdt.Tests.Support;

namespace Cdt.Benchmarks;

/// <summary>
/// Writes a synthetic inventory of exactly N gateways: two thirds standalone, a third as members
/// of ClusterXL HA clusters of 2 or 3; a few on another version (N/A) or with the package (Installed).
/// </summary>
public static class FleetYaml
{
    public const string PackageName = "R81.20 Jumbo Hotfix Accumulator General Availability (Take 92)";

    public static void Write(string path, int gateways)
    {
        var clustered = gateways / 3;
        var standalone = gateways - clustered;
        var fleet = new FleetBuilder();
        var n = 0;
        for (var i = 0; i < standalone; i++, n++)
        {
            fleet.Gateway("gw-" + Num(i), Ip(n), Version(n), n % 33 == 5 ? ["installed: [" + PackageName + "]"] : []);
        }

        var c = 0;
        var left = clustered;
        while (left > 0)
        {
            // Sizes alternate 3 and 2, and end so that exactly `clustered` gateways are members.
            var size = left is 2 or 3 ? left : left == 4 ? 2 : c % 2 == 0 ? 3 : 2;
            var version = Version(n);
            var members = new List<FleetBuilder.Member>(size);
            for (var m = 1; m <= size; m++, n++)
            {
                members.Add(new(Ip(n), m == 1 ? "active" : "standby"));
            }

            fleet.Cluster("cl-" + Num(c), "clusterxl-ha", version, members);
            left -= size;
            c++;
        }

        File.WriteAllText(path, fleet.ToString());
    }

    private static string Num(int i) => i.ToString("D6", CultureInfo.InvariantCulture);

    private static string Ip(int n) => string.Create(CultureInfo.InvariantCulture, $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}");

    private static string Version(int n) => n % 20 == 7 ? "R80.40" : "R81.20";
}
