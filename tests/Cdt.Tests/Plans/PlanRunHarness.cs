using Cdt.Simulation;
using Cdt.Cli;
using Cdt.Host;
using Cdt.Mail;
using Cdt.Execution;
using Cdt.Execution.Choreography;
using Cdt.Plans;
using Cdt.Plans.Preparation;
using Cdt.Plans.Steps;
using Cdt.Tests.Support;
using Cdt.Transport;

namespace Cdt.Tests.Plans;

/// <summary>
/// Runs deployment plans (and preparations) through the real engine on the simulated fleet with
/// a manual clock, built on <see cref="EngineHarness"/>: same list, same world, same clock.
/// </summary>
public sealed class PlanRunHarness : IDisposable
{
    public PlanRunHarness(string fleetYaml, string executeYaml = "")
    {
        Engine = new EngineHarness(fleetYaml, executeYaml);
        Engine.Generate();
        File.WriteAllText(Path.Combine(Engine.Folder, "check.sh"), "#!/bin/bash\nexit 0\n");
        File.WriteAllText(Path.Combine(Engine.Folder, "motd.txt"), "maintained by netops\n");
    }

    public EngineHarness Engine { get; }

    public List<Cdt.Mail.OutgoingMail> Mails => _mail.Sent;

    public List<string> Warnings { get; } = [];

    /// <summary>Makes the mail port fail, as an unreachable relay would.</summary>
    public bool MailFails
    {
        get => _mail.Fails;
        set => _mail.Fails = value;
    }

    /// <summary>Writes a YAML plan beside the list and loads it; it must pass the check.</summary>
    public Plan Plan(string yaml)
    {
        var path = Path.Combine(Engine.Folder, "plan.yml");
        File.WriteAllText(path, yaml);
        var plan = PlanLoader.Load(LocalFileStore.Instance, path);
        var problems = PlanChecker.Check(LocalFileStore.Instance, plan);
        return problems.Count == 0 ? plan : throw new InvalidOperationException(string.Join("\n", problems));
    }

    /// <summary>Writes a CDT XML plan beside the list and loads it; it must pass the check.</summary>
    public Plan XmlPlan(string xml)
    {
        var path = Path.Combine(Engine.Folder, "plan.xml");
        File.WriteAllText(path, xml);
        var plan = PlanLoader.Load(LocalFileStore.Instance, path);
        var problems = PlanChecker.Check(LocalFileStore.Instance, plan);
        return problems.Count == 0 ? plan : throw new InvalidOperationException(string.Join("\n", problems));
    }

    /// <summary>cdt execute --plan: Advanced mode (cdt.conf without its package section).</summary>
    public ExecuteOutcome Execute(Plan plan, bool resume = false) => Run(new ExecuteRequest
    {
        Config = PlanExecution.ConfigFor(plan, Advanced),
        ListPath = Engine.ListPath,
        Steps = PrepareJob.ExecuteSteps(LocalFileStore.Instance, Advanced, plan, Engine.ListPath, SendMail, Warnings.Add),
        Package = PlanActionRunners.InstalledPackage(plan),
        PlanPath = plan.Path,
        Resume = resume,
    }, SecurityGroupGuard.Registry(plan), []);

    /// <summary>cdt execute in Basic mode, with what prepare recorded.</summary>
    public ExecuteOutcome ExecuteBasic() => Run(new ExecuteRequest
    {
        Config = Basic,
        ListPath = Engine.ListPath,
        Steps = PrepareJob.ExecuteSteps(LocalFileStore.Instance, Basic, null, Engine.ListPath, SendMail, Warnings.Add),
        Package = Basic.Package,
    }, new ChoreographyRegistry(), []);

    /// <summary>cdt prepare [--plan] [--extended].</summary>
    public ExecuteOutcome Prepare(Plan? plan, bool extended)
    {
        var job = PrepareJob.Create(LocalFileStore.Instance, plan is null ? Basic : Advanced, plan, Engine.ListPath, extended, null, Warnings.Add);
        return Run(job.Request with { Config = job.Config }, job.Choreographies, [job.Recorder]);
    }

    /// <summary>cdt.conf in Advanced mode: the harness's, without its package section (a test may change it).</summary>
    public Cdt.Config.CdtConfig Advanced => AdvancedConfig ?? Engine.Config with { Package = null };

    public Cdt.Config.CdtConfig? AdvancedConfig { get; set; }

    /// <summary>cdt.conf in Basic mode (a test may add a pre-script).</summary>
    public Cdt.Config.CdtConfig Basic => BasicConfig ?? Engine.Config;

    public Cdt.Config.CdtConfig? BasicConfig { get; set; }

    /// <summary>How each step ended on a target: "step status: message", in order.</summary>
    public static IReadOnlyList<string> Steps(ExecuteOutcome outcome, string target) =>
        [.. RunJournal.Read(LocalFileStore.Instance, outcome.JournalPath)
            .Where(e => e.Event == RunEvents.StepFinished && e.Target == target)
            .Select(e => $"{e.Step} {e.Status}: {e.Message}")];

    public static RunEvent Finished(ExecuteOutcome outcome, string target) =>
        RunJournal.Read(LocalFileStore.Instance, outcome.JournalPath).Last(e => e.Event == RunEvents.TargetFinished && e.Target == target);

    /// <summary>The commands a gateway received, without its name.</summary>
    public IReadOnlyList<string> Commands(string gateway) =>
        [.. Engine.World.CommandLog.Where(c => c.StartsWith(gateway + ": ", StringComparison.Ordinal)).Select(c => c[(gateway.Length + 2)..])];

    public void Dispose() => Engine.Dispose();

    /// <summary>A mail relay that keeps what it is given, or refuses like an unreachable one.</summary>
    private sealed class RecordingMail : Cdt.Mail.IMailSender
    {
        public List<Cdt.Mail.OutgoingMail> Sent { get; } = [];

        public bool Fails { get; set; }

        public Task SendAsync(Cdt.Mail.OutgoingMail mail, CancellationToken ct)
        {
            if (Fails)
            {
                throw new System.Net.Mail.SmtpException("relay refused the connection");
            }

            Sent.Add(mail);
            return Task.CompletedTask;
        }
    }

    private readonly RecordingMail _mail = new();

    private Cdt.Mail.IMailSender SendMail => _mail;

    private ExecuteOutcome Run(ExecuteRequest request, ChoreographyRegistry choreographies, IReadOnlyList<IRunObserver> observers)
    {
        var service = new ExecutionService(LocalPorts.Execution(_ => new SimulatorShell(Engine.World, Engine.Clock), Engine.Clock, choreographies));
        using var control = new RunControl();
        return DeterministicRunner.Run(Engine.Clock, () => service.RunAsync(request, control, [.. observers, .. Engine.Observers], Warnings.Add), TimeSpan.FromDays(3));
    }
}
