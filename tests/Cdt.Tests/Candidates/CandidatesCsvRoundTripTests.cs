using System.Text;
using Cdt.Candidates;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Candidates;

public class CandidatesCsvRoundTripTests
{
    private static readonly CandidateRow[] SampleRows =
    [
        Row("gw-01", string.Empty, "10.1.1.1", "R81.20", string.Empty, UpgradeOrder.Batch(1)),
        Row("cl-a-m1", "cl-a", "10.2.0.1", "R81.20", "active", UpgradeOrder.Batch(2)),
        Row("cl-a-m2", "cl-a", "10.2.0.2", "R81.20", "standby", UpgradeOrder.Batch(2)),
        Row("cl-z-m1", "cl-z-with-a-name-longer-than-twenty", "fd00:1234::17", "R81.20", "VSLS active member", UpgradeOrder.Excluded),
        Row("gw-rome", string.Empty, "10.2.2.1", "R80.40", string.Empty, UpgradeOrder.NotApplicable),
        Row("gw-berlin", string.Empty, "10.2.1.1", "R81.20", string.Empty, UpgradeOrder.Installed),
    ];

    private static IEnumerable<TestCaseData> Dialects()
    {
        foreach (var padded in new[] { true, false })
        {
            foreach (var crlf in new[] { false, true })
            {
                foreach (var bom in new[] { false, true })
                {
                    var d = new CsvDialect { IsPadded = padded, HasPreamble = padded, Crlf = crlf, Bom = bom };
                    yield return new TestCaseData(d).SetName($"{{m}}({(padded ? "padded" : "plain")}, {(crlf ? "CRLF" : "LF")}, {(bom ? "BOM" : "no BOM")})");
                }
            }
        }
    }

    [TestCaseSource(nameof(Dialects))]
    public void WritingWhatWasReadGivesTheSameBytes(CsvDialect dialect)
    {
        var first = Encoding.UTF8.GetBytes(CandidatesCsvWriter.Write(SampleRows, dialect));

        var file = CandidatesCsvReader.Read("list.csv", first);
        var second = Encoding.UTF8.GetBytes(CandidatesCsvWriter.Write(ToRows(file), file.Dialect));

        file.Problems.ShouldBeEmpty();
        file.Dialect.ShouldBe(dialect);
        second.ShouldBe(first);
        ToRows(file).Select(r => r with { Line = 0 }).ShouldBe(SampleRows);
    }

    [Test]
    public void CellsThatNeedQuotesSurviveARoundTrip()
    {
        CandidateRow[] rows = [Row("gw-01", "a, \"b\"", " lead", "trail ", "x", UpgradeOrder.Batch(3))];

        foreach (var dialect in new[] { CsvDialect.Plain, CsvDialect.Padded })
        {
            var text = CandidatesCsvWriter.Write(rows, dialect);
            var file = CandidatesCsvReader.Read("list.csv", text);

            file.Problems.ShouldBeEmpty();
            file.Rows.Single().Cells.ShouldBe(["gw-01", "a, \"b\"", "lead", "trail", "x", "3"]);
        }
    }

    [Test]
    public void ThePaddedDialectLooksLikeCdtsOwn()
    {
        var text = CandidatesCsvWriter.Write(SampleRows[..3], CsvDialect.Padded);

        text.ShouldBe("""
            Central Deployment Tool Candidates List:
                     Object Name ,         Cluster Name ,     IP Address ,          Version ,                State , Upgrade Order
                           gw-01 ,                      ,       10.1.1.1 ,           R81.20 ,                      ,             1
                         cl-a-m1 ,                 cl-a ,       10.2.0.1 ,           R81.20 ,               active ,             2
                         cl-a-m2 ,                 cl-a ,       10.2.0.2 ,           R81.20 ,              standby ,             2

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Test]
    public void TheReferenceSampleOfCdtsDialectReadsCorrectly()
    {
        const string reference = """
            Central Deployment Tool Candidates List:
                     Object Name ,         Cluster Name ,     IP Address ,          Version ,                State , Upgrade Order
                           gw-01 ,                      ,       10.1.1.1 ,           R81.20 ,                      ,             1
                       cl-a-m1   ,                 cl-a ,       10.2.0.1 ,           R81.20 ,               active ,             1
                       cl-a-m2   ,                 cl-a ,       10.2.0.2 ,           R81.20 ,              standby ,             1
            """;

        var file = CandidatesCsvReader.Read("list.csv", reference);

        file.Problems.ShouldBeEmpty();
        file.Dialect.IsPadded.ShouldBeTrue();
        file.Dialect.HasPreamble.ShouldBeTrue();
        file.Rows.Select(r => r.Line).ShouldBe([3, 4, 5]);
        file.Rows.Select(r => string.Join("|", r.Cells)).ShouldBe(
        [
            "gw-01||10.1.1.1|R81.20||1",
            "cl-a-m1|cl-a|10.2.0.1|R81.20|active|1",
            "cl-a-m2|cl-a|10.2.0.2|R81.20|standby|1",
        ]);
    }

    [Test]
    public void LineNumbersCountEveryLineEndingStyle()
    {
        var file = CandidatesCsvReader.Read("list.csv", "Object Name,Cluster Name,IP Address,Version,State,Upgrade Order\r\n\r\ngw-1,,10.0.0.1,R81.20,,1\rgw-2,,10.0.0.2,R81.20,,1\ngw-3,,10.0.0.3,R81.20,,1");

        file.Problems.ShouldBeEmpty();
        file.Rows.Select(r => (r.Line, r.ObjectName)).ShouldBe([(3, "gw-1"), (4, "gw-2"), (5, "gw-3")]);
    }

    private static CandidateRow Row(string name, string cluster, string ip, string version, string state, UpgradeOrder order) =>
        new() { ObjectName = name, ClusterName = cluster, IpAddress = ip, Version = version, State = state, Order = order };

    private static List<CandidateRow> ToRows(CandidatesFile file) =>
        file.Rows.Select(r => Row(r.Cells[0], r.Cells[1], r.Cells[2], r.Cells[3], r.Cells[4], UpgradeOrder.Parse(r.Cells[5])!) with { Line = r.Line }).ToList();
}
