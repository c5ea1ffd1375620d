using System.Globalization;
using System.Text;
using Cdt.Fleet;

namespace Cdt.Simulation;

/// <summary>
/// What a simulated gateway answers to the read-only commands of a health snapshot, in the layouts
/// real Gaia prints. The health faults show once the gateway has rebooted (the install's reboot),
/// or at once when injected into a gateway that already rebooted.
/// </summary>
public static class SimHealthOutput
{
    public const int Routes = 42;
    public const int RoutesAfterLoss = 7;

    private static readonly string[] Processes = ["CPD", "FWD", "CPVIEWD", "DASERVICE", "FWK"];

    private static bool Shows(SimGateway g, Fault fault) => g.Reboots > 0 && g.Has(fault);

    public static string Policy(SimGateway g) =>
        "Product name:        Firewall\n"
        + "Policy name:         " + (Shows(g, Fault.PolicyNotBack) ? "InitialPolicy" : "Standard") + "\n"
        + "Policy install time: Tue Nov 17 22:04:11 2026\n\n"
        + "Interface table\n"
        + "-----------------------------------------------------------------\n"
        + "|Name|Dir|Total *|Accept**|Deny|Log|\n"
        + "-----------------------------------------------------------------\n"
        + "|eth0|in |  81234|   80990| 244|  0|\n";

    public static string RouteSummary(SimGateway g)
    {
        var lost = Shows(g, Fault.RoutesLost);
        var ospf = lost ? 0 : Routes - RoutesAfterLoss;
        return "IPv4 Routes\n\n"
            + "Codes: C - Connected, S - Static, R - RIP, B - BGP, O - OSPF IntraArea (IA - InterArea, E - External, N - NSSA), A - Aggregate, K - Kernel Remnant, H - Hidden, P - Suppressed, U - Unreachable, i - Inactive\n\n"
            + "Protocol        Routes\n"
            + "Connected       4\n"
            + "Static          3\n"
            + string.Create(CultureInfo.InvariantCulture, $"OSPF            {ospf}\n")
            + string.Create(CultureInfo.InvariantCulture, $"Total           {4 + 3 + ospf}\n");
    }

    public static string Links(SimGateway g)
    {
        var sb = new StringBuilder();
        sb.Append("1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n");
        for (var i = 0; i < 3; i++)
        {
            var down = i == 2 && Shows(g, Fault.InterfaceDown);
            sb.Append(CultureInfo.InvariantCulture, $"{i + 2}: eth{i}: <")
                .Append(down ? "NO-CARRIER,BROADCAST,MULTICAST,UP" : "BROADCAST,MULTICAST,UP,LOWER_UP")
                .Append("> mtu 1500 qdisc mq state ").Append(down ? "DOWN" : "UP")
                .Append(CultureInfo.InvariantCulture, $" mode DEFAULT group default qlen 1000\\    link/ether 00:1c:7f:00:00:0{i + 1} brd ff:ff:ff:ff:ff:ff\n");
        }

        return sb.ToString();
    }

    public static string Watchdog(SimGateway g)
    {
        var sb = new StringBuilder("APP        PID    STAT  #START  START_TIME             MON  COMMAND\n");
        var pid = 4500;
        foreach (var app in Processes)
        {
            var stopped = app == "FWD" && Shows(g, Fault.ProcessNotStarted);
            sb.Append(app.PadRight(11)).Append((stopped ? "0" : (pid++).ToString(CultureInfo.InvariantCulture)).PadRight(7))
                .Append((stopped ? "T" : "E").PadRight(6)).Append("1       [10:00:00] 1/1/2026    Y    ").Append(app.ToLowerInvariant()).Append('\n');
        }

        return sb.ToString();
    }

    public static string Licences(SimGateway g) =>
        "Host             Expiration  Features\n"
        + g.Address.PadRight(17) + "never       CPAP-SG6200 CPSB-FW CPSB-VPN CPSB-IPS CPSB-ADNC CK-0A1B2C3D4E5F\n\n"
        + "Contract Coverage:\n\n"
        + "#   ID          Expiration   SKU\n"
        + "===+===========+============+====================\n"
        + "1  | 1A2B3C4D  | 18Nov2027  | CPSB-IPS-S-1Y\n";
}
