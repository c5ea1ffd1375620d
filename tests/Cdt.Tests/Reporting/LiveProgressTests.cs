using Cdt.Candidates;
using Cdt.Execution;
using Cdt.Fleet;
using Cdt.Reporting;
using Cdt.Tests.Support;
using Cdt.Transport;
using NUnit.Framework;
using Shouldly;
using Spectre.Console;
using Spectre.Console.Testing;

namespace Cdt.Tests.Reporting;

/// <summary>The live display on Spectre's test console: driven by events from the engine's threads, ended by the run or by disposing.</summary>
public sealed class LiveProgressTests
{
    private static readonly string[] Names = ["gw-a", "gw-b"];

    private static readonly ManualClock Clock = ManualClock.At("2026-11-23T22:00:00+00:00");

    [Test]
    public async Task TheEndOfTheRunShowsEachTargetsStatusAndTheFinalCounts()
    {
        using var console = new TestConsole().Width(120);
        var state = new RunState(Plan());
        var progress = new LiveProgress(console, Clock, Clock);

        Emit(progress, state, new RunEvent { At = Now, Event = RunEvents.RunStarted, List = "list.csv" });
        Emit(progress, state, new RunEvent { At = Now, Event = RunEvents.BatchStarted, Batch = 1, Message = "2 targets" });
        Emit(progress, state, new RunEvent { At = Now, Event = RunEvents.TargetStarted, Batch = 1, Unit = "gw-a", Target = "gw-a" });
        Emit(progress, state, new RunEvent { At = Now, Event = RunEvents.TargetStarted, Batch = 1, Unit = "gw-b", Target = "gw-b" });
        Emit(progress, state, new RunEvent { At = Now, Event = RunEvents.TargetFinished, Batch = 1, Unit = "gw-a", Target = "gw-a", Status = "succeeded", Message = "installed" });
        Emit(progress, state, new RunEvent { At = Now, Event = RunEvents.TargetFinished, Batch = 1, Unit = "gw-b", Target = "gw-b", Status = "failed", Message = "install failed" });
        Emit(progress, state, new RunEvent { At = Now, Event = RunEvents.BatchFinished, Batch = 1 });
        Emit(progress, state, new RunEvent { At = Now, Event = RunEvents.RunFinished, Status = "completed", Message = "1 succeeded, 1 failed, 0 not started" });
        await progress.DisposeAsync();

        var output = console.Output;
        output.ShouldContain("gw-a succeeded: installed");
        output.ShouldContain("gw-b failed: install failed");
        output.ShouldContain("run finished: 1 succeeded, 1 failed, 0 not started");
        var final = output[output.LastIndexOf("finished |", StringComparison.Ordinal)..];
        final.ShouldContain("finished | 1 succeeded, 1 failed, 0 running, 0 waiting, 0 not started (of 2)");
        final.ShouldMatch(@"gw-a\s+succeeded: installed");
        final.ShouldMatch(@"gw-b\s+FAILED: install failed");
    }

    [Test]
    public async Task DisposingMidRunEndsTheDisplayWithTheRunningTargetsShown()
    {
        using var console = new TestConsole().Width(120);
        var state = new RunState(Plan());
        var progress = new LiveProgress(console, Clock, Clock);

        Emit(progress, state, new RunEvent { At = Now, Event = RunEvents.BatchStarted, Batch = 1, Message = "2 targets" });
        Emit(progress, state, new RunEvent { At = Now, Event = RunEvents.TargetStarted, Batch = 1, Unit = "gw-a", Target = "gw-a" });
        Emit(progress, state, new RunEvent { At = Now, Event = RunEvents.StepStarted, Batch = 1, Unit = "gw-a", Target = "gw-a", Step = "install" });
        await progress.DisposeAsync();

        var final = console.Output[console.Output.LastIndexOf("batch 1 of 1 |", StringComparison.Ordinal)..];
        final.ShouldContain("1 running, 1 waiting");
        final.ShouldMatch(@"gw-a\s+running: install");
        final.ShouldMatch(@"gw-b\s+waiting");
    }

    [Test]
    public async Task ARunThatNeverStartedDrawsNothing()
    {
        using var console = new TestConsole();
        var progress = new LiveProgress(console, Clock, Clock);

        await progress.DisposeAsync();

        console.Output.ShouldBeEmpty();
    }

    [Test]
    public void CiTrueMeansPlainLinesEvenOnATerminal()
    {
        var terminal = new TerminalOutput();
        static Profile ProfileWith(TerminalOutput output, Dictionary<string, string> env)
        {
            var settings = TerminalProgress.Settings(output, env);
            settings.Ansi = AnsiSupport.Yes;
            settings.Interactive = InteractionSupport.Yes;
            return AnsiConsole.Create(settings).Profile;
        }

        TerminalProgress.CanRedraw(ProfileWith(terminal, [])).ShouldBeTrue();
        TerminalProgress.CanRedraw(ProfileWith(terminal, new() { ["CI"] = "true" })).ShouldBeFalse();
    }

    [Test]
    public void AWriterThatIsNoTerminalGetsPlainLines() =>
        TerminalProgress.Live(new StringWriter(), Clock).ShouldBeNull();

    private static string Now => Clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>As the recorder does: the state first, then the observer.</summary>
    private static void Emit(LiveProgress progress, RunState state, RunEvent e)
    {
        state.Apply(e);
        progress.OnEvent(e, state);
    }

    private static RunPlan Plan()
    {
        var units = Names.Select(name =>
        {
            var gateway = new Gateway { Name = name, Ip = "127.0.0.1", Version = "R81.20" };
            var row = new CandidateRow { ObjectName = name, IpAddress = "127.0.0.1", Version = "R81.20", Order = UpgradeOrder.Batch(1) };
            var target = new RunTarget(gateway, row, new Target { Name = name, Host = "127.0.0.1" });
            return new RunUnit { Name = name, Kind = UnitKind.Standalone, Members = [target], Targets = [target], Batch = 1 };
        }).ToList();
        return new RunPlan([new RunBatch(1, units)], []);
    }

    /// <summary>An output Spectre takes for a terminal, so detection can be checked off one.</summary>
    private sealed class TerminalOutput : IAnsiConsoleOutput
    {
        public TextWriter Writer { get; } = new StringWriter();

        public bool IsTerminal => true;

        public int Width => 80;

        public int Height => 24;

        public void SetEncoding(System.Text.Encoding encoding)
        {
        }
    }
}
