using Cdt.Formats;

namespace Cdt.Execution.Policy;

/// <summary>
/// The policy installation that ends a unit whose package part succeeded: once for the unit's
/// object (a cluster after its last member), its task followed to its end. Every transition is
/// journaled, so a resume follows a task already started instead of starting another, and starts
/// one when the kill came between the package and the policy. A failure fails the unit: its
/// targets are reported failed, with the package installed and the policy not.
/// </summary>
public static class PolicyAfterPackage
{
    /// <summary>The unit phase that says the package part ended well and the policy comes next.</summary>
    public const string PackageDone = "package_done";

    public static async Task RunAsync(UnitRun unit, PolicyRun policy, CancellationToken ct)
    {
        var run = unit.Run;
        var (status, known, package, done) = run.State.Read(s =>
        {
            var u = s.Units[unit.Unit.Name];
            return (u.PolicyStatus, u.PolicyTask, u.PolicyPackage, u.PolicyMessage);
        });
        if (status is PolicyStatuses.Succeeded)
        {
            // Killed after the policy ended and before the unit did: nothing to install again.
            unit.FinishAfterPolicy(true, WithPackage(unit, done ?? "policy installed"));
            return;
        }

        var what = PolicyRun.Describe(policy.Policies);
        var task = status == PolicyStatuses.Running ? known : null;
        if (task is null)
        {
            Emit(unit, RunEvents.PolicyStarted, $"installing the {what} policy through the management server");
            var start = await policy.Installer.StartAsync(Request(unit, policy), ct);
            if (!start.Started)
            {
                Fail(unit, start.Refusal);
                return;
            }

            (task, package) = (start.TaskId, start.Package);
            run.Recorder.Emit(new RunEvent
            {
                At = run.Recorder.Now(),
                Event = RunEvents.PolicyTask,
                Batch = unit.Unit.Batch,
                Unit = unit.Unit.Name,
                Task = task,
                PolicyPackage = package,
                Message = $"install-policy {package} on {string.Join(", ", Targets(unit.Unit))}: task {task}",
            });
        }
        else
        {
            Emit(unit, RunEvents.PolicyStarted, $"following the policy installation task {task} started before the restart");
        }

        var named = package is null ? "the policy" : "policy " + package;
        var giveUp = run.Time.GetUtcNow() + policy.Timeout;
        while (true)
        {
            var progress = await policy.Installer.ShowAsync(task, ct);
            switch (progress.Status)
            {
                case PolicyTaskStatus.Succeeded:
                    Succeed(unit, $"{named} installed ({what})");
                    return;
                case PolicyTaskStatus.Failed:
                    Fail(unit, $"the installation of {named} failed: {progress.Message}");
                    return;
            }

            if (run.Time.GetUtcNow() >= giveUp)
            {
                Fail(unit, $"the installation of {named} did not end within {DurationText.Format(policy.Timeout)} (policy_timeout; last seen: {progress.Message}); check task {task} in SmartConsole");
                return;
            }

            await run.Delay(policy.PollInterval, ct);
        }
    }

    /// <summary>The objects <c>install-policy</c> targets: the cluster, pair or Security Group object, or the gateway.</summary>
    public static IReadOnlyList<string> Targets(RunUnit unit) =>
        unit.Cluster is { } cluster ? [cluster.Name] : [.. unit.Members.Select(m => m.Name)];

    private static PolicyRequest Request(UnitRun unit, PolicyRun policy) => new()
    {
        Unit = unit.Unit.Name,
        Targets = Targets(unit.Unit),
        Policies = policy.Policies,
        Package = policy.Package,
        Members = [.. unit.Unit.Members.Select(m => m.Gateway)],
    };

    private static void Succeed(UnitRun unit, string message)
    {
        Emit(unit, RunEvents.PolicyFinished, message, PolicyStatuses.Succeeded);
        unit.FinishAfterPolicy(true, WithPackage(unit, message));
    }

    /// <summary>The unit's outcome: how its package part ended, then its policy.</summary>
    private static string WithPackage(UnitRun unit, string policy) =>
        unit.Run.State.Read(s => s.Units[unit.Unit.Name].PackageOutcome) is { Length: > 0 } package ? package + "; " + policy : policy;

    /// <summary>Fails the unit after its package: every target that succeeded is failed, saying the package is installed and the policy is not.</summary>
    public static void Fail(UnitRun unit, string reason)
    {
        var message = "the package is installed but the policy is not: " + reason;
        Emit(unit, RunEvents.PolicyFinished, message, PolicyStatuses.Failed);
        foreach (var t in unit.Unit.Targets.Where(t => unit.Run.State.Read(s => s.Targets[t.Name].Status) == TargetStatus.Succeeded))
        {
            unit.Run.Recorder.TargetFinished(unit.Unit, t, TargetRunner.Failed, message);
        }

        unit.FinishAfterPolicy(false, message);
    }

    private static void Emit(UnitRun unit, string name, string message, string? status = null) =>
        unit.Run.Recorder.Emit(new RunEvent { At = unit.Run.Recorder.Now(), Event = name, Batch = unit.Unit.Batch, Unit = unit.Unit.Name, Status = status, Message = message });
}
