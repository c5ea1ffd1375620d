using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Cli;

public class GenerateCommandTests
{
    private TempFolder _temp = null!;

    [SetUp]
    public void SetUp()
    {
        _temp = new TempFolder();
        SampleFleet.CopyTo(_temp);
    }

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public async Task GenerateWritesTheListAndEndsWithItsPathAsCdtDoes()
    {
        var run = await CliRunner.RunAsync(_temp.Path, "generate", "--candidates", "list.csv");

        run.ExitCode.ShouldBe(0);
        run.Error.ShouldBeEmpty();
        run.Out.ShouldStartWith("33 gateway(s) to install in 5 batch(es)\n");
        run.Out.ShouldEndWith($"The generated candidates list is: {_temp.File("list.csv")}\n");
        File.Exists(_temp.File("list.csv.gen.json")).ShouldBeTrue();
        File.Exists(_temp.File("list.csv.reasons.txt")).ShouldBeTrue();
        Directory.GetFiles(_temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(["cdt.conf", "list.csv", "list.csv.gen.json", "list.csv.reasons.txt"]);
    }

    [Test]
    public async Task APlanThatNamesOnlyAFileFindsItInstalledUnderTheNameTheInventoryCatalogGivesIt()
    {
        var conf = await File.ReadAllTextAsync(_temp.File("cdt.conf"));
        await File.WriteAllTextAsync(_temp.File("cdt.conf"), System.Text.RegularExpressions.Regex.Replace(conf, @"(?m)^package:\n(?:  .*\n)*", string.Empty));
        _temp.Write("plan.xml", $"<CDT_Deployment_Plan><install_package path=\"{SampleFleet.Package}\"/></CDT_Deployment_Plan>");

        var run = await CliRunner.RunAsync(_temp.Path, "generate", "--plan", "plan.xml", "--candidates", "list.csv");

        run.ExitCode.ShouldBe(0, run.Error);
        (await File.ReadAllTextAsync(_temp.File("list.csv"))).ShouldContain("\ngw-berlin-01,,10.2.1.1,R81.20,,Installed\n");
        (await File.ReadAllTextAsync(_temp.File("list.csv.reasons.txt"))).ShouldContain("# package: R81.20 Jumbo Hotfix Accumulator General Availability (Take 92) (Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz)");
    }

    [TestCase("-generate", "-candidates=list.csv")]
    [TestCase("-generate", "-candidates", "list.csv")]
    [TestCase("-generate", "list.csv")]
    public async Task CdtsFlagStyleWritesTheSameList(params string[] args)
    {
        using var other = new TempFolder();
        SampleFleet.CopyTo(other);
        var reference = await CliRunner.RunAsync(other.Path, "generate", "--candidates", "list.csv");

        var run = await CliRunner.RunAsync(_temp.Path, args);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Error.ShouldBeEmpty();
        (await File.ReadAllBytesAsync(_temp.File("list.csv"))).ShouldBe(await File.ReadAllBytesAsync(other.File("list.csv")));
        run.Out.Replace(_temp.Path, "<tmp>", StringComparison.Ordinal).ShouldBe(reference.Out.Replace(other.Path, "<tmp>", StringComparison.Ordinal));
    }

    [Test]
    public async Task CdtsFlagStyleTakesAPlanAndAFilter()
    {
        RemovePackageFromConfig();
        File.Copy(TestPaths.Repo("deployment-plan.sample.yml"), _temp.File("plan.yml"));
        _temp.Write("filter.txt", "gw-paris-01\n");

        var run = await CliRunner.RunAsync(_temp.Path, "-generate", "-candidates=list.csv", "-deploymentplan=plan.yml", "-filter=filter.txt");

        run.ExitCode.ShouldBe(0, run.Error);
        (await File.ReadAllTextAsync(_temp.File("list.csv"))).ShouldNotContain("gw-paris-01,");
        var record = await File.ReadAllTextAsync(_temp.File("list.csv.gen.json"));
        record.ShouldContain("\"mode\":\"advanced\"");
        record.ShouldContain("\"filtered\":[\"gw-paris-01\"]");
        record.ShouldContain("\"package_name\":\"R81.20 Jumbo Hotfix Accumulator General Availability (Take 92)\"");
    }

    [Test]
    public async Task AnExistingListIsNeverOverwrittenWithoutForce()
    {
        (await CliRunner.RunAsync(_temp.Path, "generate", "--candidates", "list.csv")).ExitCode.ShouldBe(0);
        await File.AppendAllTextAsync(_temp.File("list.csv"), "# the admin's edits\n");
        var before = Snapshot();

        var gnu = await CliRunner.RunAsync(_temp.Path, "generate", "--candidates", "list.csv");
        var cdt = await CliRunner.RunAsync(_temp.Path, "-generate", "-candidates=list.csv");

        foreach (var run in new[] { gnu, cdt })
        {
            run.ExitCode.ShouldBe(2);
            run.Out.ShouldBeEmpty();
            run.Error.ShouldBe($"{_temp.File("list.csv")}: already exists: pass --force to replace it, or choose another path with --candidates\n");
        }

        Snapshot().ShouldBe(before);
    }

    [Test]
    public async Task ForceDoesNotReplaceAListHeldByARun()
    {
        _temp.Write("list.csv", "old\n");
        LockFiles.HeldByThisProcess(_temp.File("list.csv.lock"), "cdt execute list.csv");

        var run = await CliRunner.RunAsync(_temp.Path, "generate", "--candidates", "list.csv", "--force");

        run.ExitCode.ShouldBe(6, run.Error);
        run.Error.ShouldContain($"{_temp.File("list.csv")}.lock: locked by PID {Environment.ProcessId}");
        (await File.ReadAllTextAsync(_temp.File("list.csv"))).ShouldBe("old\n");
    }

    [Test]
    public async Task ForceReplacesAnExistingList()
    {
        _temp.Write("list.csv", "old\n");

        var run = await CliRunner.RunAsync(_temp.Path, "generate", "--candidates", "list.csv", "--force");

        run.ExitCode.ShouldBe(0, run.Error);
        (await File.ReadAllTextAsync(_temp.File("list.csv"))).ShouldStartWith("Object Name,Cluster Name,IP Address,Version,State,Upgrade Order\n");
        Directory.GetFiles(_temp.Path, "*.tmp").ShouldBeEmpty();
    }

    [Test]
    public async Task APackageInCdtConfAndAPlanIsAnErrorNamingBoth()
    {
        File.Copy(TestPaths.Repo("deployment-plan.sample.yml"), _temp.File("plan.yml"));

        var run = await CliRunner.RunAsync(_temp.Path, "generate", "--candidates", "list.csv", "--plan", "plan.yml");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe($"{_temp.File("cdt.conf")}: defines 'package' (Basic mode) and --plan {_temp.File("plan.yml")} was given (Advanced mode): use one of them; remove 'package' from cdt.conf to run the plan\n");
        File.Exists(_temp.File("list.csv")).ShouldBeFalse();
    }

    [Test]
    public async Task APreInstallationScriptInCdtConfAndAPlanIsAnErrorToo()
    {
        RemovePackageFromConfig();
        await File.AppendAllTextAsync(_temp.File("cdt.conf"), "pre_script:\n  path: pre.sh\n");
        File.Copy(TestPaths.Repo("deployment-plan.sample.yml"), _temp.File("plan.yml"));

        var run = await CliRunner.RunAsync(_temp.Path, "-generate", "-candidates=list.csv", "-deploymentplan=plan.yml");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe($"{_temp.File("cdt.conf")}: defines 'pre_script' (Basic mode) and --plan {_temp.File("plan.yml")} was given (Advanced mode): use one of them; remove 'pre_script' from cdt.conf to run the plan\n");
    }

    [Test]
    public async Task NoPackageAndNoPlanIsAnError()
    {
        RemovePackageFromConfig();

        var run = await CliRunner.RunAsync(_temp.Path, "generate", "--candidates", "list.csv");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe($"{_temp.File("cdt.conf")}: no package to install: add a 'package' section (Basic mode) or pass --plan PLAN (Advanced mode)\n");
    }

    [Test]
    public async Task TheConfigComesFromTheOptionThenTheEnvironmentThenTheCurrentFolder()
    {
        using var elsewhere = new TempFolder();
        var env = new Dictionary<string, string> { ["CDT_CONFIG"] = _temp.File("cdt.conf") };

        var byOption = await CliRunner.RunAsync(elsewhere.Path, "generate", "--candidates", "a.csv", "--config", _temp.File("cdt.conf"));
        var byEnvironment = await CliRunner.RunAsync(elsewhere.Path, env, null, false, "generate", "--candidates", "b.csv");
        var missing = await CliRunner.RunAsync(elsewhere.Path, "generate", "--candidates", "c.csv");
        var optionBeatsEnvironment = await CliRunner.RunAsync(elsewhere.Path, env, null, false, "generate", "--candidates", "d.csv", "--config", "nope.conf");

        byOption.ExitCode.ShouldBe(0, byOption.Error);
        byEnvironment.ExitCode.ShouldBe(0, byEnvironment.Error);
        missing.ExitCode.ShouldBe(2);
        missing.Error.ShouldBe($"{elsewhere.File("cdt.conf")}: configuration file not found: copy cdt.conf.sample to cdt.conf, or pass --config PATH\n");
        optionBeatsEnvironment.ExitCode.ShouldBe(2);
        optionBeatsEnvironment.Error.ShouldStartWith(elsewhere.File("nope.conf") + ": configuration file not found");
    }

    [TestCase(new[] { "generate" }, "cdt: Option '--candidates' is required.")]
    [TestCase(new[] { "generate", "--candidates", "l.csv", "--dialect", "excel" }, "cdt: Argument 'excel' not recognized. Must be one of:")]
    [TestCase(new[] { "-generate", "-candidates" }, "cdt: Unrecognized command or argument '-candidates'.")]
    [TestCase(new[] { "generate", "--candidates", "l.csv", "--bogus" }, "cdt: Unrecognized command or argument '--bogus'.")]
    public async Task BadOptionsAreBadInput(string[] args, string firstError)
    {
        var run = await CliRunner.RunAsync(_temp.Path, args);

        run.ExitCode.ShouldBe(2);
        run.Out.ShouldBeEmpty();
        run.Error.ShouldStartWith(firstError);
        run.Error.ShouldEndWith("Run 'cdt --help' for usage.\n");
    }

    [Test]
    public async Task ACdtFlagMixedIntoCdtsStyleIsNeverTakenForTheShortConfigOption()
    {
        var run = await CliRunner.RunAsync(_temp.Path, "generate", "-candidates=list.csv");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("cdt: Unrecognized command or argument '-candidates=list.csv'.");
        run.Error.ShouldNotContain("andidates=list.csv: configuration file not found");
    }

    [Test]
    public async Task AFolderIsNotAListPath()
    {
        Directory.CreateDirectory(_temp.File("lists"));

        var run = await CliRunner.RunAsync(_temp.Path, "generate", "--candidates", "lists");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe($"{_temp.File("lists")}: is a folder: give the path of the list file to write, e.g. --candidates list.csv\n");
    }

    [Test]
    public async Task TheServerFlagIsAcceptedAndNoted()
    {
        var run = await CliRunner.RunAsync(_temp.Path, "-generate", "-candidates=list.csv", "-server=10.0.0.5");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Error.ShouldBe($"cdt: note: -server=10.0.0.5 ignored: cdt reads gateways from the inventory file {SampleFleet.Inventory(_temp)}\n");
    }

    private void RemovePackageFromConfig()
    {
        var lines = File.ReadAllLines(_temp.File("cdt.conf"));
        var start = Array.IndexOf(lines, "package:");
        var end = Array.FindIndex(lines, start + 1, l => l.Length > 0 && !l.StartsWith(' ') && !l.StartsWith('#'));
        File.WriteAllLines(_temp.File("cdt.conf"), lines[..start].Concat(lines[end..]));
    }

    private Dictionary<string, string> Snapshot() =>
        Directory.GetFiles(_temp.Path).ToDictionary(f => f, f => Convert.ToHexString(File.ReadAllBytes(f)), StringComparer.Ordinal);
}
