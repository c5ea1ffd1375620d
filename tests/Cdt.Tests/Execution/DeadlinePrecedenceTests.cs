using Cdt.Execution;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Execution;

public class DeadlinePrecedenceTests
{
    private static readonly DateTimeOffset CommandLine = new(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Resumed = new(2026, 11, 22, 5, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Config = new(2026, 11, 22, 4, 0, 0, TimeSpan.Zero);

    [Test]
    public void TheCommandLineWinsOverEverything() =>
        DeadlinePrecedence.Resolve(CommandLine, Resumed, Config).ShouldBe(CommandLine);

    [Test]
    public void AResumeKeepsTheDeadlineItsRunRecordedOverCdtConf() =>
        DeadlinePrecedence.Resolve(null, Resumed, Config).ShouldBe(Resumed);

    [Test]
    public void CdtConfDecidesWhenNothingElseSays() =>
        DeadlinePrecedence.Resolve(null, null, Config).ShouldBe(Config);

    [Test]
    public void NoDeadlineAnywhereMeansNone() =>
        DeadlinePrecedence.Resolve(null, null, null).ShouldBeNull();
}
