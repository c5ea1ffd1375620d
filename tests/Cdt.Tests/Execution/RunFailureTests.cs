using Cdt.Cli;
using Cdt.Execution;
using Cdt.Execution.Choreography;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Execution;

public class RunFailureTests
{
    [Test]
    public void AnObserverThatFailsInTheMiddleOfAClusterNeverLeavesItAdminDown()
    {
        using var h = new EngineHarness(Fleets.Standalone(1) + Fleets.Clusters(Fleets.HaPair));
        h.Generate(("cl-a", "1"), ("gw01", "2"));
        var broken = new BrokenObserver(e => e.Event == RunEvents.UnitPhase && e.Step!.StartsWith("failover:", StringComparison.Ordinal));
        h.Observers.Add(broken);

        var outcome = h.Execute();

        outcome.Run.Succeeded.ShouldBe(3);
        outcome.Run.Stop.ShouldBe(RunStop.Completed);
        broken.Calls.ShouldBeGreaterThan(broken.FailedFrom + 1);
        h.World.Gateways["cl-a-m1"].AdminDown.ShouldBeFalse();
        h.World.Gateways.Values.ShouldAllBe(g => g.InstallCount["Hotfix T92"] == 1);
        h.Warnings.Count(w => w.Contains(nameof(BrokenObserver), StringComparison.Ordinal)).ShouldBe(1);
    }

    [Test]
    public void AUnitThatBreaksStopsNewWorkWhileTheUnitsInFlightFinish()
    {
        using var h = new EngineHarness(Fleets.Standalone(3) + Fleets.Clusters(Fleets.HaPair), "max_parallel: 4\n");
        h.Generate(("gw01", "1"), ("cl-a", "1"), ("gw02", "1"), ("gw03", "2"));
        h.Choreographies.Register(UnitKind.Standalone, new BreaksOn("gw01"));

        var outcome = h.Execute();

        outcome.Run.Stop.ShouldBe(RunStop.Failure);
        ExecuteCommand.ExitCodeOf(outcome.Run).ShouldBe(ExitCodes.RunFailure);
        outcome.Run.Succeeded.ShouldBe(3);
        outcome.Run.Failed.ShouldBe(1);
        outcome.Run.NotStarted.ShouldBe(1);
        h.World.Gateways["cl-a-m1"].AdminDown.ShouldBeFalse();
        h.World.Gateways["gw03"].InstallCount.ShouldBeEmpty();
        File.ReadAllText(outcome.ResultsPath).ShouldContain("internal error: bug in gw01");
        File.ReadAllText(outcome.SummaryPath).ShouldContain("stopped by a failure of cdt");
    }

    [Test]
    public void AJournalThatCannotBeWrittenStopsNewWorkAndTheClusterInFlightFinishes()
    {
        using var h = new EngineHarness(Fleets.Standalone(1) + Fleets.Clusters(Fleets.HaPair));
        h.Generate(("cl-a", "1"), ("gw01", "2"));
        var disk = new FillableDisk();
        h.Files = disk;
        h.Observers.Add(new BrokenObserver(e => (e.Event == RunEvents.UnitPhase && e.Step!.StartsWith("failover:", StringComparison.Ordinal)) && (disk.Full = true), rethrow: false));

        var outcome = h.Execute();

        outcome.Run.Stop.ShouldBe(RunStop.Failure);
        outcome.Run.StopMessage.ShouldNotBeNull().ShouldContain("could not be written");
        outcome.Run.Succeeded.ShouldBe(2);
        outcome.Run.NotStarted.ShouldBe(1);
        h.World.Gateways["cl-a-m1"].AdminDown.ShouldBeFalse();
        h.World.Gateways["gw01"].InstallCount.ShouldBeEmpty();
        h.Warnings.Single().ShouldContain("No space left on device");
    }

    /// <summary>Fails on every event from the first one matching, as a status file that became a folder does.</summary>
    private sealed class BrokenObserver(Func<RunEvent, bool> from, bool rethrow = true) : IRunObserver
    {
        public int Calls { get; private set; }

        public int FailedFrom { get; private set; } = int.MaxValue;

        public void OnEvent(RunEvent e, RunState state)
        {
            Calls++;
            if (FailedFrom == int.MaxValue && from(e))
            {
                FailedFrom = Calls;
            }

            if (rethrow && Calls >= FailedFrom)
            {
                throw new IOException("Is a directory");
            }
        }

        public void OnDetail(string? target, string text)
        {
        }
    }

    private sealed class BreaksOn(string name) : IUnitChoreography
    {
        private readonly StandaloneChoreography _real = new();

        public async Task RunAsync(UnitRun unit, CancellationToken ct)
        {
            if (unit.Unit.Name != name)
            {
                await _real.RunAsync(unit, ct);
                return;
            }

            // Breaks a minute in, when the other units of the batch are in flight.
            await Task.Delay(TimeSpan.FromMinutes(1), unit.Run.Time, ct);
            throw new InvalidOperationException("bug in " + name);
        }
    }
}
