using Cdt.Cli;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Cli;

public class CdtStyleArgsTests
{
    [TestCase("-generate -candidates=x.csv", "generate --candidates x.csv")]
    [TestCase("-generate -candidates=x.csv -deploymentplan=p.yml -filter=f.txt", "generate --candidates x.csv --plan p.yml --filter f.txt")]
    [TestCase("-generate -candidates x.csv -deploymentplan p.yml", "generate --candidates x.csv --plan p.yml")]
    [TestCase("-Generate -Candidates=x.csv -DeploymentPlan=p.xml", "generate --candidates x.csv --plan p.xml")]
    [TestCase("-generate x.csv", "generate --candidates x.csv")]
    [TestCase("-generate x.csv -filter=f.txt", "generate --candidates x.csv --filter f.txt")]
    [TestCase("-generate -candidates=x.csv -server=10.0.0.5", "generate --candidates x.csv --server 10.0.0.5")]
    [TestCase("-generate -candidates=x.csv --force --config c.conf", "generate --candidates x.csv --force --config c.conf")]
    [TestCase("-generate --config c.conf -candidates=x.csv", "generate --config c.conf --candidates x.csv")]
    [TestCase("-generate -config=c.conf -candidates=x.csv", "generate --config c.conf --candidates x.csv")]
    [TestCase("-generate -candidates=my=list.csv", "generate --candidates my=list.csv")]
    [TestCase("-execute -candidates=x.csv -deploymentplan=p.xml", "execute x.csv --plan p.xml")]
    [TestCase("-install x.csv", "execute x.csv")]
    [TestCase("-preparations x.csv", "prepare x.csv")]
    [TestCase("-extended_preparations x.csv", "prepare --extended x.csv")]
    [TestCase("-validate x.csv", "validate x.csv")]
    [TestCase("-validate -candidates=x.csv", "validate x.csv")]
    public void CdtFlagsBecomeCdtCommands(string cdt, string expected) =>
        string.Join(' ', CdtStyleArgs.Translate(cdt.Split(' '))).ShouldBe(expected);

    [TestCase("-generate -candidates", "generate -candidates")]
    [TestCase("-generate -candidates=", "generate -candidates=")]
    [TestCase("-generate -candidates=x.csv -filter", "generate --candidates x.csv -filter")]
    public void AFlagWithoutItsValueIsLeftForTheParserToReport(string cdt, string expected) =>
        string.Join(' ', CdtStyleArgs.Translate(cdt.Split(' '))).ShouldBe(expected);

    [TestCase("generate --candidates x.csv")]
    [TestCase("validate -x")]
    [TestCase("")]
    public void CdtsOwnStyleIsLeftAlone(string args)
    {
        var split = args.Length == 0 ? [] : args.Split(' ');

        CdtStyleArgs.IsCdtStyle(split).ShouldBeFalse();
        CdtStyleArgs.Translate(split).ShouldBe(split);
    }
}
