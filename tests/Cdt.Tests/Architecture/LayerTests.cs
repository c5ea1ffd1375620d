using System.Reflection;
using System.Xml.Linq;
using Cdt.Storage;
using NetArchTest.Rules;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Architecture;

/// <summary>
/// The layers the compiler cannot see inside one project: the core's folders depend only
/// downward, and the projects reference only down (adapters never reach each other).
/// </summary>
public sealed class LayerTests
{
    /// <summary>The core's namespaces, bottom first: each may use only those before it.</summary>
    private static readonly string[] CoreLayers =
    [
        "Cdt.Diagnostics", "Cdt.Formats", "Cdt.Yaml", "Cdt.Storage", "Cdt.Mail", "Cdt.Fleet", "Cdt.Transport", "Cdt.Gaia",
        "Cdt.Config", "Cdt.Locking", "Cdt.Candidates", "Cdt.Execution", "Cdt.Plans", "Cdt.Scheduling",
    ];

    private static readonly Assembly Core = typeof(IFileStore).Assembly;

    private static IEnumerable<TestCaseData> Layers() =>
        CoreLayers.Select((name, i) => new TestCaseData(name, CoreLayers[(i + 1)..]).SetArgDisplayNames(name));

    [TestCaseSource(nameof(Layers))]
    public void ACoreNamespaceUsesOnlyTheLayersBelowIt(string layer, string[] above)
    {
        if (above.Length == 0)
        {
            Assert.Pass("the top layer may use every other");
        }

        var result = Types.InAssembly(Core).That().ResideInNamespace(layer).ShouldNot().HaveDependencyOnAny(above).GetResult();

        (result.FailingTypeNames ?? []).ShouldBeEmpty($"{layer} reaches up into {string.Join(", ", above)}");
    }

    [Test]
    public void TheCheckSeesADependencyThatExists()
    {
        var result = Types.InAssembly(Core).That().ResideInNamespace("Cdt.Plans").ShouldNot().HaveDependencyOn("Cdt.Execution").GetResult();

        result.IsSuccessful.ShouldBeFalse("plans run on the engine: a check that cannot see that would pass anything");
    }

    [Test]
    public void EveryCoreNamespaceHasItsPlaceInTheLayers()
    {
        var namespaces = Core.GetTypes().Select(t => t.Namespace).OfType<string>().Where(n => n.StartsWith("Cdt.", StringComparison.Ordinal)).Distinct();

        namespaces.Where(n => !CoreLayers.Any(l => n == l || n.StartsWith(l + ".", StringComparison.Ordinal))).ShouldBeEmpty();
    }

    [Test]
    public void TheCoreReferencesNoOtherProject() =>
        ProjectReferences("Cdt.Core").ShouldBeEmpty();

    [TestCase("Cdt.Simulation")]
    [TestCase("Cdt.Transport.OpenSsh")]
    [TestCase("Cdt.Transport.SshNet")]
    [TestCase("Cdt.Reporting")]
    [TestCase("Cdt.Host")]
    [TestCase("Cdt.Management")]
    public void AnAdapterReferencesOnlyTheCore(string project) =>
        ProjectReferences(project).ShouldBe(["Cdt.Core"]);

    private static List<string> ProjectReferences(string project)
    {
        var path = Path.Combine(RepositoryRoot(), "cdt", project, project + ".csproj");
        return [.. XDocument.Load(path).Descendants("ProjectReference").Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value))];
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cdt.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cdt.sln not found above the test folder");
    }
}
