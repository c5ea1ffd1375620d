using System.Text.RegularExpressions;
using Cdt.Config;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Config;

public partial class ScheduleConfigTests
{
    private const string Top = """
        inventory: fleet.yml
        package:
          path: pkg/Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz
          versions: [R81.20]

        """;

    [Test]
    public void AScheduleReadsEverySetting()
    {
        var config = Load(Top + """
            state_dir: state
            smtp:
              host: 127.0.0.1
              port: 2525
              from: cdt@example.test
              password_env: CDT_SMTP_PASSWORD
            schedules:
              - name: weekly
                candidates: lists/weekly.csv
                time_zone: Europe/Paris
                preparation: "0 1 * * 6"
                install: { cron: "0 2 * * 6", duration: 3h }
                catch_up: true
                start_grace: 5m
                notice_minutes: 60
                notice_command: echo maintenance
                max_nodes_per_cluster: 2
                download: { attempts: 4, attempts_before_install: 3, retry_delay: 1m }
                mail: { to: [ops@example.test], on: [failure] }
            """);

        var s = config.Schedules.ShouldHaveSingleItem();
        s.Name.ShouldBe("weekly");
        s.Candidates.ShouldBe(Path.GetFullPath("/etc/cdt/lists/weekly.csv"));
        s.Mode.ShouldBe("basic");
        s.Package!.FileName.ShouldBe("Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz");
        s.TimeZone.Id.ShouldBe("Europe/Paris");
        s.Preparation!.Expression.ShouldBe("0 1 * * 6");
        s.Install.Expression.ShouldBe("0 2 * * 6");
        s.InstallDuration.ShouldBe(TimeSpan.FromHours(3));
        s.CatchUp.ShouldBeTrue();
        s.StartGrace.ShouldBe(TimeSpan.FromMinutes(5));
        s.NoticeMinutes.ShouldBe(60);
        s.NoticeCommand.ShouldBe("echo maintenance");
        s.MaxNodesPerCluster.ShouldBe(2);
        s.Download.ShouldBe(new DownloadSettings { Attempts = 4, AttemptsBeforeInstall = 3, RetryDelay = TimeSpan.FromMinutes(1) });
        s.Mail!.To.ShouldBe(["ops@example.test"]);
        s.Mail.On.ShouldBe([MailEvent.Failure]);
        config.StateDir.ShouldBe(Path.GetFullPath("/etc/cdt/state"));
        config.Smtp.ShouldBe(new SmtpSettings { Host = "127.0.0.1", Port = 2525, From = "cdt@example.test", PasswordVariable = "CDT_SMTP_PASSWORD" });
    }

    [Test]
    public void UnsaidSettingsTakeTheirSafeDefaults()
    {
        var s = Load(Top + """
            schedules:
              - name: nightly
                candidates: list.csv
                time_zone: UTC
                install: { cron: "0 2 * * *", duration: 2h }
            """).Schedules.ShouldHaveSingleItem();

        s.CatchUp.ShouldBeFalse();
        s.MaxNodesPerCluster.ShouldBeNull("execute's max_nodes_per_cluster applies, 1 unless it says otherwise");
        s.Download.Attempts.ShouldBe(10);
        s.Download.AttemptsBeforeInstall.ShouldBe(10);
        s.StartGrace.ShouldBe(TimeSpan.FromMinutes(10));
        s.Preparation.ShouldBeNull();
        s.NoticeMinutes.ShouldBe(0);
        s.Mail.ShouldBeNull();
    }

    [Test]
    public void TheStateFolderDefaultsToOneNextToTheConfig()
    {
        Load(Top).StateDir.ShouldBe(Path.GetFullPath("/etc/cdt/.cdt-state"));
    }

    [Test]
    public void APlanMakesTheScheduleAdvancedMode()
    {
        var s = Load(Top + """
            schedules:
              - name: plan
                candidates: list.csv
                plan: plans/jhf.yml
                time_zone: America/New_York
                install: { cron: "0 2 * * *", duration: 2h }
            """).Schedules.ShouldHaveSingleItem();

        s.Mode.ShouldBe("advanced");
        s.Plan.ShouldBe(Path.GetFullPath("/etc/cdt/plans/jhf.yml"));
        s.Package.ShouldBeNull();
    }

    [Test]
    public void BothAPackageAndAPlanInOneScheduleIsAnErrorNamingBoth()
    {
        var e = Should.Throw<CdtInputException>(() => Load(Top + """
            schedules:
              - name: both
                candidates: list.csv
                package: { path: other_R81_20_.tgz, versions: [R81.20] }
                plan: plan.yml
                time_zone: UTC
                install: { cron: "0 2 * * *", duration: 2h }
            """));

        e.ToDisplayLines().ShouldHaveSingleItem().ShouldBe(
            "/etc/cdt/cdt.conf:9:11: schedule 'both' has both 'package' (Basic mode, line 8) and 'plan' (Advanced mode): keep one of them");
    }

    [Test]
    public void AScheduleWithNothingToInstallIsAnError()
    {
        var e = Should.Throw<CdtInputException>(() => Load("""
            inventory: fleet.yml
            schedules:
              - name: empty
                candidates: list.csv
                time_zone: UTC
                install: { cron: "0 2 * * *", duration: 2h }
            """));

        e.Message.ShouldContain("schedule 'empty' has nothing to install");
    }

    [TestCase("", "missing 'time_zone'")]
    [TestCase("time_zone: Mars/Olympus", "unknown time zone 'Mars/Olympus': use an IANA id")]
    public void TheTimeZoneIsRequiredAndMustExist(string zoneLine, string message)
    {
        var e = Should.Throw<CdtInputException>(() => Load(Top + $"""
            schedules:
              - name: tz
                candidates: list.csv
                {zoneLine}
                install: {"{"} cron: "0 2 * * *", duration: 2h {"}"}
            """));

        e.Message.ShouldContain(message);
    }

    [Test]
    public void EveryScheduleProblemIsReportedWithItsLine()
    {
        var e = Should.Throw<CdtInputException>(() => Load(Top + """
            schedules:
              - name: bad name
                candidates: list.csv
                time_zone: UTC
                preparation: "0 25 * * *"
                install: { cron: "0 2 * *", duration: 0s }
                max_nodes_per_cluster: 0
                mail: { to: [ops@example.test], on: [sometimes] }
                colour: blue
            """));

        e.ToDisplayLines().ShouldBe([
            "/etc/cdt/cdt.conf:11:28: 'max_nodes_per_cluster' must be a whole number of at least 1, not '0'",
            "/etc/cdt/cdt.conf:12:41: 'on' lists start, end and failure, not 'sometimes'",
            "/etc/cdt/cdt.conf:12:11: 'mail' needs an 'smtp' section at the top of cdt.conf (host, from)",
            "/etc/cdt/cdt.conf:13:5: unknown setting 'colour' in a schedule (name, candidates, plan, package, time_zone, preparation, install, catch_up, start_grace, notice_minutes, notice_command, max_nodes_per_cluster, download, mail)",
            "/etc/cdt/cdt.conf:6:11: schedule name 'bad name' may hold only letters, digits, '.', '_' and '-' (it names a file)",
            "/etc/cdt/cdt.conf:9:18: 'preparation': '0 25 * * *' is not a valid cron expression",
            "/etc/cdt/cdt.conf:10:22: 'cron': '0 2 * *' has 4 fields: write 5 (minute hour day month weekday) or 6 (second first)",
            "/etc/cdt/cdt.conf:10:43: the install window's 'duration' must be longer than 0s",
        ], ignoreOrder: true);
    }

    [Test]
    public void TwoSchedulesWithOneNameAreRefused()
    {
        var entry = """
              - name: twice
                candidates: list.csv
                time_zone: UTC
                install: { cron: "0 2 * * *", duration: 2h }

            """;
        var e = Should.Throw<CdtInputException>(() => Load(Top + "schedules:\n" + entry + entry));

        e.Message.ShouldContain("schedule name 'twice' is used twice");
    }

    [Test]
    public void AnSmtpPasswordInTheFileIsRefused()
    {
        var e = Should.Throw<CdtInputException>(() => Load(Top + """
            smtp: { host: 127.0.0.1, from: cdt@example.test, password: hunter2 }
            """));

        e.ToDisplayLines().ShouldContain(l => l.Contains("write the SMTP password into an environment variable", StringComparison.Ordinal));
    }

    [Test]
    public void AnSmtpUserWithoutTlsIsRefusedUnlessPlaintextIsAllowedOnPurpose()
    {
        var e = Should.Throw<CdtInputException>(() => Load(Top + """
            smtp: { host: 127.0.0.1, from: cdt@example.test, user: cdt, password_env: CDT_SMTP_PASSWORD }
            """));
        e.ToDisplayLines().ShouldContain(l => l.StartsWith("/etc/cdt/cdt.conf:5:", StringComparison.Ordinal) && l.Contains("sends its password in clear without TLS", StringComparison.Ordinal));

        Load(Top + """
            smtp: { host: 127.0.0.1, from: cdt@example.test, user: cdt, password_env: CDT_SMTP_PASSWORD, starttls: true }
            """).Smtp!.StartTls.ShouldBeTrue();
        Load(Top + """
            smtp: { host: 127.0.0.1, from: cdt@example.test, user: cdt, password_env: CDT_SMTP_PASSWORD, allow_plaintext_auth: true }
            """).Smtp!.AllowPlaintextAuth.ShouldBeTrue();
    }

    [Test]
    public void AnSmtpUserWithoutPasswordEnvIsRefused()
    {
        var e = Should.Throw<CdtInputException>(() => Load(Top + """
            smtp: { host: 127.0.0.1, from: cdt@example.test, user: cdt, starttls: true }
            """));

        e.ToDisplayLines().ShouldContain(l => l.Contains("needs 'password_env'", StringComparison.Ordinal));
    }

    [TestCase("notice_command: 'wall maintenance; reboot'")]
    [TestCase("notice_command: \"echo $(id)\"")]
    [TestCase("notice_command: \"echo hi\\nreboot\"")]
    public void ANoticeCommandWithShellSyntaxIsRefusedWithItsLine(string setting)
    {
        var e = Should.Throw<CdtInputException>(() => Load(Top + $$"""
            schedules:
              - name: nightly
                candidates: list.csv
                time_zone: UTC
                install: { cron: "0 2 * * *", duration: 2h }
                {{setting}}
            """));

        e.ToDisplayLines().ShouldContain(l => l.StartsWith("/etc/cdt/cdt.conf:10:", StringComparison.Ordinal) && l.Contains("'notice_command'", StringComparison.Ordinal) && !l.Contains('\n'));
    }

    [Test]
    public void TheCommentedScheduleInTheSampleReadsAsWritten()
    {
        var sample = File.ReadAllText(TestPaths.Repo("cdt.conf.sample"));
        var tail = sample[sample.IndexOf("# state_dir:", StringComparison.Ordinal)..];
        var uncommented = string.Join('\n', tail.Split('\n').Select(l => l.StartsWith("# ", StringComparison.Ordinal) && YamlLine().IsMatch(l[2..]) ? l[2..] : l));

        var config = Load(sample[..sample.IndexOf("# state_dir:", StringComparison.Ordinal)] + uncommented);

        var s = config.Schedules.ShouldHaveSingleItem();
        (s.Name, s.Install.Expression, s.InstallDuration, s.NoticeMinutes, s.Download.Attempts).ShouldBe(("weekly", "0 2 * * 6", TimeSpan.FromHours(3), 60, 10));
        config.Smtp!.PasswordVariable.ShouldBe("CDT_SMTP_PASSWORD");
    }

    private static CdtConfig Load(string text) => ConfigLoader.LoadText("/etc/cdt/cdt.conf", text, "/etc/cdt");

    [GeneratedRegex(@"^\s*(- )?[a-z_]+:", RegexOptions.CultureInvariant)]
    private static partial Regex YamlLine();
}
