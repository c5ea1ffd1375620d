using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Plans;

/// <summary>Every problem <c>cdt plan check</c> reports, with its exact line and column.</summary>
public class PlanCheckTests
{
    private static readonly object[] YamlCases =
    [
        new object[] { "an unknown action, with the nearest known one", """
            actions:
              - action: instal_package
                path: a.tgz
            """, "p.yml:2:13: unknown action 'instal_package' (did you mean 'install_package'?); known actions: create_snapshot, send_package, import_package, verify_package, install_package, upgrade_package, download_from_cloud, uninstall_package, execute_command, execute_script, push_file, pull_file, reboot, wait_for, log, send_email" },
        new object[] { "an entry without its action", """
            actions:
              - path: a.tgz
            """, "p.yml:2:5: missing 'action'" },
        new object[] { "a missing attribute", """
            actions:
              - action: execute_command
                timeout: 1m
            """, "p.yml:2:5: execute_command: missing 'command'" },
        new object[] { "an empty required attribute", """
            actions:
              - action: execute_command
                command: ""
            """, "p.yml:3:14: execute_command: 'command' must not be empty" },
        new object[] { "critical that is not a boolean", """
            actions:
              - action: reboot
                critical: maybe
            """, "p.yml:3:15: reboot: 'critical' must be true or false, not 'maybe'" },
        new object[] { "retries out of range", """
            actions:
              - action: reboot
                retries: 11
            """, "p.yml:3:14: reboot: 'retries' must be a whole number from 0 to 10, not '11'" },
        new object[] { "a duration that does not parse", """
            actions:
              - action: reboot
                timeout: 20 minutes
            """, "p.yml:3:14: reboot: 'timeout' is not a duration: '20 minutes' (write e.g. 90s, 20m, 1h30m)" },
        new object[] { "a zero time-out", """
            actions:
              - action: reboot
                timeout: 0s
            """, "p.yml:3:14: reboot: 'timeout' must be longer than zero" },
        new object[] { "CDT's XML spelling of critical in YAML", """
            actions:
              - action: reboot
                iscritical: false
            """, "p.yml:3:5: reboot: unknown attribute 'iscritical' (YAML plans say 'critical'); reboot takes critical, timeout, retries" },
        new object[] { "critical on a mail", """
            actions:
              - action: send_email
                to: ops@example.com
                subject: done
                critical: true
            """, "p.yml:5:5: send_email: unknown attribute 'critical' (send_email never stops a deployment, so it cannot be critical); send_email takes to, subject, body, timeout, retries" },
        new object[] { "a list where one value is expected", """
            actions:
              - action: execute_command
                command: [fw, ver]
            """, "p.yml:3:14: execute_command: 'command' must be a single value, not a list or mapping" },
        new object[] { "a version that is not a Gaia version", """
            actions:
              - action: send_package
                path: Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz
                versions: [81.20]
            """, "p.yml:4:15: send_package: '81.20' is not a Gaia version such as R81.20 or R82" },
        new object[] { "a package file that does not exist", """
            actions:
              - action: install_package
                path: missing/Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz
            """, "p.yml:3:11: install_package: package 'missing/Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz' does not exist on this machine (looked for TEMP/missing/Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz)" },
        new object[] { "a first package with no versions to decide eligibility", """
            actions:
              - action: import_package
                path: hotfix.tgz
            """, "p.yml:3:11: import_package: add 'versions' (cannot tell which Gaia versions 'hotfix.tgz' applies to from its name; the first package decides eligibility)" },
        new object[] { "an upgrade that does not say what it upgrades from, nor to", """
            actions:
              - action: upgrade_package
                path: hotfix.tgz
            """, "p.yml:3:11: upgrade_package: add 'target_version': the Gaia version gateways run once upgraded (cannot tell from the file name 'hotfix.tgz')\np.yml:3:11: upgrade_package: add 'versions': the Gaia versions it upgrades from (an upgrade's file name tells only the version it upgrades to)" },
        new object[] { "a target version that is not a Gaia version", """
            actions:
              - action: upgrade_package
                path: hotfix.tgz
                versions: [R81.20]
                target_version: 82
            """, "p.yml:5:21: upgrade_package: '82' is not a Gaia version such as R82" },
        new object[] { "a package name with shell syntax", """
            actions:
              - action: verify_package
                path: Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz
                name: JHF; reboot
            """, "p.yml:4:11: verify_package: package name 'JHF; reboot' has characters cdt never sends to a gateway (allowed: letters, digits, space and ._()+,-)" },
        new object[] { "an uninstall that names no package", """
            actions:
              - action: uninstall_package
                critical: false
            """, "p.yml:2:5: uninstall_package: say which package to uninstall: 'name' (as CPUSE shows it) or 'path' (its file)" },
        new object[] { "a script that does not exist", """
            actions:
              - action: execute_script
                path: scripts/nowhere.sh
            """, "p.yml:3:11: execute_script: script 'scripts/nowhere.sh' does not exist on this machine (looked for TEMP/scripts/nowhere.sh)" },
        new object[] { "a script argument with a command substitution", """
            actions:
              - action: execute_script
                path: check.sh
                arguments: [--ok, $(reboot)]
            """, "p.yml:4:16: execute_script: argument '$(reboot)' has characters cdt never sends to a gateway (allowed: letters, digits, space and ._:=,@%+/-)" },
        new object[] { "a command with shell syntax", """
            actions:
              - action: execute_command
                command: cat /etc/passwd | mail x
            """, "p.yml:3:14: execute_command: command 'cat /etc/passwd | mail x' has characters cdt never sends to a gateway: as in CDT, no shell syntax (> | * ; & $ ` ' \\ and the like); allowed: letters, digits, space, balanced double quotes and ._:=,@%+/-. Put anything more in a script (execute_script)" },
        new object[] { "a snapshot name with a space", """
            actions:
              - action: create_snapshot
                name: before jhf
            """, "p.yml:3:11: create_snapshot: snapshot name 'before jhf' may hold only letters, digits and ._- (Gaia's rule)" },
        new object[] { "a push of a missing file to a relative remote path", """
            actions:
              - action: push_file
                local: motd.txt
                remote: etc/motd
            """, "p.yml:3:12: push_file: file 'motd.txt' does not exist on this machine (looked for TEMP/motd.txt)\np.yml:4:13: push_file: remote path 'etc/motd' is not absolute: write the full path on the gateway, e.g. /etc/motd" },
        new object[] { "a pull of a path with '..'", """
            actions:
              - action: pull_file
                remote: /var/log/../../etc/shadow
            """, "p.yml:3:13: pull_file: remote path '/var/log/../../etc/shadow' must be absolute, without '..', of letters, digits and ._+-/" },
        new object[] { "a pull of a folder", """
            actions:
              - action: pull_file
                remote: /var/log/
            """, "p.yml:3:13: pull_file: remote path '/var/log/' names a folder: pull_file copies one file; name it" },
        new object[] { "a wait with a bad interval and exit code", """
            actions:
              - action: wait_for
                command: cpwd_admin list
                interval: often
                exit_code: 300
            """, "p.yml:4:15: wait_for: 'interval' is not a duration: 'often' (write e.g. 90s, 20m, 1h30m)\np.yml:5:16: wait_for: 'exit_code' must be a whole number from 0 to 255, not '300'" },
        new object[] { "a mail to something that is not an address", """
            actions:
              - action: send_email
                to: [ops@example.com, the team]
                subject: done
            """, "p.yml:3:9: send_email: 'the team' is not a mail address such as ops@example.com" },
        new object[] { "a mail without recipients", """
            actions:
              - action: send_email
                subject: done
            """, "p.yml:2:5: send_email: missing 'to': one or more mail addresses" },
        new object[] { "a log message on two lines", """
            actions:
              - action: log
                message: "one\ntwo"
            """, "p.yml:3:14: log: the message must be one line: a log line never spans two" },
        new object[] { "an unknown plan setting", """
            name: x
            update_agent: true
            actions:
              - action: reboot
            """, "p.yml:2:1: unknown setting 'update_agent' in the plan (name, description, update_cpuse, connectivity_upgrade, actions)" },
        new object[] { "a plan setting that is not a boolean", """
            connectivity_upgrade: sometimes
            actions:
              - action: reboot
            """, "p.yml:1:23: 'connectivity_upgrade' must be true or false, not 'sometimes'" },
        new object[] { "no actions", """
            name: x
            """, "p.yml:1:1: missing 'actions': the list of actions to run on each target" },
        new object[] { "an empty actions list", """
            actions: []
            """, "p.yml:1:10: 'actions' is empty: a plan needs at least one action" },
        new object[] { "a YAML syntax error", """
            actions:
              - action: reboot
               timeout: 1m
            """, "p.yml:3:4: YAML syntax error: " },
    ];

    private static readonly object[] XmlCases =
    [
        new object[] { "an unknown action element", """
            <CDT_Deployment_Plan>
              <install_packages path="a.tgz"/>
            </CDT_Deployment_Plan>
            """, "p.xml:2:3: unknown action 'install_packages' (did you mean 'install_package'?); known actions: create_snapshot, send_package, import_package, verify_package, install_package, upgrade_package, download_from_cloud, uninstall_package, execute_command, execute_script, push_file, pull_file, reboot, wait_for, log, send_email" },
        new object[] { "a missing attribute", """
            <CDT_Deployment_Plan>
              <execute_command/>
            </CDT_Deployment_Plan>
            """, "p.xml:2:3: execute_command: missing attribute 'command'" },
        new object[] { "iscritical that is not a boolean", """
            <CDT_Deployment_Plan>
              <reboot iscritical="no"/>
            </CDT_Deployment_Plan>
            """, "p.xml:2:11: reboot: 'iscritical' must be true or false, not 'no'" },
        new object[] { "YAML's spelling of critical in XML", """
            <CDT_Deployment_Plan>
              <reboot critical="false"/>
            </CDT_Deployment_Plan>
            """, "p.xml:2:11: reboot: unknown attribute 'critical' (CDT XML plans say 'iscritical'); reboot takes iscritical, timeout, retries" },
        new object[] { "an uninstall without its file", """
            <CDT_Deployment_Plan>
              <uninstall_cpuse_package iscritical="false"/>
            </CDT_Deployment_Plan>
            """, "p.xml:2:3: uninstall_cpuse_package: say which package to uninstall: 'name' (as CPUSE shows it) or 'filename' (its file)" },
        new object[] { "a package file that does not exist", """
            <CDT_Deployment_Plan>
              <import_package path="/home/admin/Check_Point_R82_JHF_T91.tgz"/>
            </CDT_Deployment_Plan>
            """, "p.xml:2:19: import_package: package '/home/admin/Check_Point_R82_JHF_T91.tgz' does not exist on this machine (looked for /home/admin/Check_Point_R82_JHF_T91.tgz)" },
        new object[] { "a duration that does not parse", """
            <CDT_Deployment_Plan>
              <reboot timeout="long"/>
            </CDT_Deployment_Plan>
            """, "p.xml:2:11: reboot: 'timeout' is not a duration: 'long' (write e.g. 90s, 20m, 1h30m)" },
        new object[] { "a command with shell syntax", """
            <CDT_Deployment_Plan>
              <execute_command command="rm -rf /var/log/*"/>
            </CDT_Deployment_Plan>
            """, "p.xml:2:20: execute_command: command 'rm -rf /var/log/*' has characters cdt never sends to a gateway: as in CDT, no shell syntax (> | * ; & $ ` ' \\ and the like); allowed: letters, digits, space, balanced double quotes and ._:=,@%+/-. Put anything more in a script (execute_script)" },
        new object[] { "an unknown plan setting", """
            <CDT_Deployment_Plan>
              <plan_settings>
                <connectivity_upgrade value="true"/>
              </plan_settings>
              <reboot/>
            </CDT_Deployment_Plan>
            """, "p.xml:3:5: unknown plan setting <connectivity_upgrade>; <plan_settings> takes name, description, update_cpuse, connectivityupgrade" },
        new object[] { "a plan setting without its value", """
            <CDT_Deployment_Plan>
              <plan_settings>
                <update_cpuse>false</update_cpuse>
              </plan_settings>
              <reboot/>
            </CDT_Deployment_Plan>
            """, "p.xml:3:5: <update_cpuse> needs a 'value' attribute, e.g. <update_cpuse value=\"...\"/>" },
        new object[] { "a plan setting that is not a boolean", """
            <CDT_Deployment_Plan>
              <plan_settings><update_cpuse value="yes"/></plan_settings>
              <reboot/>
            </CDT_Deployment_Plan>
            """, "p.xml:2:18: <update_cpuse> value must be true or false, not 'yes'" },
        new object[] { "an action with content", """
            <CDT_Deployment_Plan>
              <execute_command command="fw ver">fw stat</execute_command>
            </CDT_Deployment_Plan>
            """, "p.xml:2:3: <execute_command> has content: an action has only attributes, e.g. <execute_command ... />" },
        new object[] { "another root element", """
            <DeploymentPlan>
              <reboot/>
            </DeploymentPlan>
            """, "p.xml:1:1: the root element is <DeploymentPlan>: a CDT deployment plan starts with <CDT_Deployment_Plan>" },
        new object[] { "an XML syntax error", """
            <CDT_Deployment_Plan>
              <reboot>
            </CDT_Deployment_Plan>
            """, "p.xml:3:3: XML syntax error: " },
        new object[] { "no actions", """
            <CDT_Deployment_Plan>
              <plan_settings><name value="x"/></plan_settings>
            </CDT_Deployment_Plan>
            """, "p.xml:1:1: the plan has no actions" },
    ];

    [TestCaseSource(nameof(YamlCases))]
    public async Task AYamlPlanProblemIsReportedAtItsLineAndColumn(string problem, string plan, string expected) =>
        await ShouldReport("p.yml", plan, expected);

    [TestCaseSource(nameof(XmlCases))]
    public async Task AnXmlPlanProblemIsReportedAtItsLineAndColumn(string problem, string plan, string expected) =>
        await ShouldReport("p.xml", plan, expected);

    [Test]
    public async Task EveryProblemOfAPlanIsReportedInFileOrderThenTheirCount()
    {
        using var temp = new TempFolder();
        var path = temp.Write("p.yml", """
            actions:
              - action: push_file
                local: nowhere.txt
                remote: /etc/motd
              - action: nap
              - action: reboot
                timeout: soon
            """);

        var outcome = await CliRunner.RunAsync(temp.Path, "plan", "check", "p.yml");

        outcome.ExitCode.ShouldBe(2);
        outcome.Out.ShouldBeEmpty();
        outcome.Error.Replace(temp.Path, "TEMP", StringComparison.Ordinal).ShouldBe("""
            TEMP/p.yml:3:12: push_file: file 'nowhere.txt' does not exist on this machine (looked for TEMP/nowhere.txt)
            TEMP/p.yml:5:13: unknown action 'nap'; known actions: create_snapshot, send_package, import_package, verify_package, install_package, upgrade_package, download_from_cloud, uninstall_package, execute_command, execute_script, push_file, pull_file, reboot, wait_for, log, send_email
            TEMP/p.yml:7:14: reboot: 'timeout' is not a duration: 'soon' (write e.g. 90s, 20m, 1h30m)
            3 problem(s) in TEMP/p.yml

            """.ReplaceLineEndings());
    }

    [Test]
    public async Task AGoodPlanGetsOneOkLineAndExitCodeZero()
    {
        var outcome = await CliRunner.RunAsync(TestPaths.RepoRoot, "plan", "check", "plans/jhf-install.yml");

        outcome.ExitCode.ShouldBe(0);
        outcome.Error.ShouldBeEmpty();
        outcome.Out.ShouldBe(TestPaths.Repo("plans/jhf-install.yml") + ": OK (2 action(s); first package Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz for R81.20)" + Environment.NewLine);
    }

    [Test]
    public async Task APlanWithoutPackageIsFineButWarnedThatGenerateNeedsOne()
    {
        var outcome = await CliRunner.RunAsync(TestPaths.RepoRoot, "plan", "check", "plans/hotfix-uninstall.yml");

        outcome.ExitCode.ShouldBe(0);
        outcome.Error.ShouldStartWith("cdt: warning: the plan has no package action");
    }

    private static async Task ShouldReport(string name, string plan, string expected)
    {
        using var temp = new TempFolder();
        temp.Write("check.sh", "#!/bin/bash\nexit 0\n");
        temp.Write("Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz", "package");
        temp.Write("hotfix.tgz", "package");
        temp.Write(name, plan);

        var outcome = await CliRunner.RunAsync(temp.Path, "plan", "check", name);

        outcome.ExitCode.ShouldBe(2);
        var lines = outcome.Error.Replace(temp.Path, "TEMP", StringComparison.Ordinal)
            .Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.StartsWith("TEMP/", StringComparison.Ordinal) ? l[5..] : l)
            .ToArray();
        var wanted = expected.Split('\n');
        lines.Length.ShouldBe(wanted.Length + 1, outcome.Error);
        for (var i = 0; i < wanted.Length; i++)
        {
            if (wanted[i].EndsWith("syntax error: ", StringComparison.Ordinal))
            {
                lines[i].ShouldStartWith(wanted[i]);
            }
            else
            {
                lines[i].ShouldBe(wanted[i]);
            }
        }

        lines[^1].ShouldEndWith($"problem(s) in TEMP/{name}");
    }
}
