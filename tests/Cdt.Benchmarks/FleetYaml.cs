using System.Globalization;
using System.Text;

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
        var sb = new StringBuilder(gateways * 70);
        sb.Append("gateways:\n");
        var n = 0;
        for (var i = 0; i < standalone; i++, n++)
        {
            sb.Append("  - { name: gw-").Append(Num(i)).Append(", ip: ").Append(Ip(n)).Append(", version: ").Append(Version(n)).Append(Installed(n)).Append(" }\n");
        }

        sb.Append("clusters:\n");
        var c = 0;
        var left = clustered;
        while (left > 0)
        {
            // Sizes alternate 3 and 2, and end so that exactly `clustered` gateways are members.
            var size = left is 2 or 3 ? left : left == 4 ? 2 : c % 2 == 0 ? 3 : 2;
            sb.Append("  - name: cl-").Append(Num(c)).Append("\n    type: clusterxl-ha\n    version: ").Append(Version(n)).Append("\n    members:\n");
            for (var m = 1; m <= size; m++, n++)
            {
                sb.Append("      - { name: cl-").Append(Num(c)).Append("-m").Append(m.ToString(CultureInfo.InvariantCulture))
                    .Append(", ip: ").Append(Ip(n)).Append(", state: ").Append(m == 1 ? "active" : "standby").Append(" }\n");
            }

            left -= size;
            c++;
        }

        File.WriteAllText(path, sb.ToString());
    }

    private static string Num(int i) => i.ToString("D6", CultureInfo.InvariantCulture);

    private static string Ip(int n) => string.Create(CultureInfo.InvariantCulture, $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}");

    private static string Version(int n) => n % 20 == 7 ? "R80.40" : "R81.20";

    private static string Installed(int n) => n % 33 == 5 ? ", installed: [" + PackageName + "]" : string.Empty;
}
