using Cdt.Execution;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Execution;

/// <summary>The full command sequence of each procedure, install and uninstall, as golden files.</summary>
public class ProcedureGoldenTests
{
    private static readonly Dictionary<string, string> ByName = new()
    {
        ["maestro"] = ProcedureFleets.Maestro,
        ["elasticxl-dual-site"] = ProcedureFleets.ElasticXlDualSite,
        ["maestro-vsnext"] = ProcedureFleets.MaestroVsNext,
        ["dual-chassis"] = ProcedureFleets.DualChassis,
        ["pair"] = ProcedureFleets.Pair,
    };

    [TestCase("maestro", false)]
    [TestCase("elasticxl-dual-site", false)]
    [TestCase("maestro-vsnext", false)]
    [TestCase("dual-chassis", false)]
    [TestCase("pair", false)]
    [TestCase("maestro", true)]
    [TestCase("elasticxl-dual-site", true)]
    [TestCase("dual-chassis", true)]
    [TestCase("pair", true)]
    public void TheProcedureSendsExactlyTheseCommands(string procedure, bool uninstall)
    {
        var fleet = ByName[procedure];
        using var h = new ProcedureHarness(uninstall && procedure != "pair" ? ProcedureFleets.Installed(fleet) : fleet) { Uninstall = uninstall };
        if (h.World.Clusters.TryGetValue("sg-madrid", out var chassis))
        {
            // As in seed 001: chassis1 is the standby chassis, chassis2 the active one.
            chassis.ActiveSite = 2;
        }

        if (uninstall && h.World.Gateways.TryGetValue("ap-billing-1", out var node))
        {
            node.AppliedRounds = h.World.Gateways["ap-billing-2"].AppliedRounds = 1;
        }

        var result = h.Run();

        Transcript.Of(h, result).ShouldMatchGolden(procedure + (uninstall ? "-uninstall" : "-install"));
        result.Failed.ShouldBe(0);
        h.World.Violations.ShouldBeEmpty();
        h.World.RefusedCommands.ShouldBeEmpty();
    }
}
