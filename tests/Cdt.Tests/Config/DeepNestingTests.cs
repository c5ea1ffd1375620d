using Cdt.Config;
using Cdt.Diagnostics;
using Cdt.Fleet;
using Cdt.Plans;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Config;

/// <summary>A hostile file nested 100,000 levels deep is refused with its line, never a stack overflow.</summary>
public class DeepNestingTests
{
    private static readonly string Deep = new('[', 100_000);

    [Test]
    public void ADeeplyNestedConfigIsRefusedWithItsLine()
    {
        var e = Should.Throw<CdtInputException>(() => ConfigLoader.LoadText("cdt.conf", "inventory: fleet.yml\nexecute: " + Deep + "\n", "/etc/cdt"));

        e.ToDisplayLines().First().ShouldStartWith("cdt.conf:2:");
        e.ToDisplayLines().First().ShouldContain($"nested more than {Cdt.Yaml.YamlFile.MaxDepth} levels deep");
    }

    [Test]
    public void ADeeplyNestedInventoryIsRefusedWithItsLine()
    {
        var e = Should.Throw<CdtInputException>(() => InventoryLoader.LoadText("fleet.yml", "gateways:\n  - " + Deep + "\n"));

        e.ToDisplayLines().First().ShouldStartWith("fleet.yml:2:");
        e.ToDisplayLines().First().ShouldContain("levels deep");
    }

    [Test]
    public void ADeeplyNestedYamlPlanIsRefusedWithItsLine()
    {
        var diagnostics = new List<Diagnostic>();

        YamlPlanReader.Read("plan.yml", "actions:\n  - " + Deep + "\n", diagnostics).ShouldBeNull();

        diagnostics.ShouldHaveSingleItem().ToString().ShouldStartWith("plan.yml:2:");
    }

    [Test]
    public void ADeeplyNestedXmlPlanIsRefusedWithItsLine()
    {
        var diagnostics = new List<Diagnostic>();
        var xml = "<DeploymentPlan>\n" + string.Concat(Enumerable.Repeat("<a>", 100_000)) + string.Concat(Enumerable.Repeat("</a>", 100_000)) + "</DeploymentPlan>\n";

        XmlPlanReader.Read("plan.xml", xml, diagnostics).ShouldBeNull();

        diagnostics.ShouldHaveSingleItem().ToString().ShouldStartWith("plan.xml:2:");
        diagnostics[0].Message.ShouldContain($"nested more than {XmlPlanReader.MaxDepth} levels deep");
    }
}
