using Cdt.Transport.OpenSsh;
using Cdt.Config;
using Cdt.Fleet;
using Cdt.Transport;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Transport;

public class OpenSshOptionsTests
{
    private static readonly Target Gateway = new() { Name = "gw-1", Host = "10.1.1.1" };

    [Test]
    public void HostKeysAreCheckedStrictlyAndNoPasswordIsEverTried()
    {
        var text = new OpenSshOptions(new SshSettings(), "/tmp/c/ssh_config").ConfigFileText();

        text.ShouldContain("  BatchMode yes\n");
        text.ShouldContain("  StrictHostKeyChecking yes\n");
        text.ShouldContain("  PasswordAuthentication no\n");
        text.ShouldContain("  KbdInteractiveAuthentication no\n");
        text.ShouldContain("Include ~/.ssh/config\nInclude /etc/ssh/ssh_config\n");
        text.ShouldNotContain("IdentityFile");
    }

    [Test]
    public void EverySettingReachesTheConfigThatTheJumpHopAlsoReads()
    {
        var settings = new SshSettings
        {
            KnownHosts = "/etc/cdt/known_hosts",
            IdentityFile = "/etc/cdt/id_ed25519",
            HostKeyPolicy = HostKeyPolicy.AcceptNew,
            ConfigFile = "/etc/cdt/ssh_config",
            ConnectTimeout = TimeSpan.FromSeconds(7.5),
        };

        var text = new OpenSshOptions(settings, "/tmp/c/ssh_config").ConfigFileText();

        text.ShouldContain("  StrictHostKeyChecking accept-new\n");
        text.ShouldContain("  UserKnownHostsFile \"/etc/cdt/known_hosts\"\n");
        text.ShouldContain("  IdentityFile \"/etc/cdt/id_ed25519\"\n  IdentitiesOnly yes\n");
        text.ShouldContain("  ConnectTimeout 8\n");
        text.ShouldContain("  ServerAliveInterval 15\n  ServerAliveCountMax 3\n");
        text.ShouldEndWith("Include \"/etc/cdt/ssh_config\"\n");
    }

    [Test]
    public void ACommandIsOneArgumentAfterTheHostOverTheSharedConnection()
    {
        var options = new OpenSshOptions(new SshSettings { User = "admin", Port = 2222, JumpHost = "admin@mgmt:22" }, "/tmp/c/ssh_config");

        options.Command(Gateway, "/tmp/c/c1", "clish -c 'show version product'").ShouldBe([
            "-F", "/tmp/c/ssh_config", "-o", "ControlPath=/tmp/c/c1", "-p", "2222", "-l", "admin", "-J", "admin@mgmt:22",
            "-o", "ControlMaster=no", "-T", "--", "10.1.1.1", "clish -c 'show version product'",
        ]);
    }

    [Test]
    public void TheInventoryPortAndUserWinOverTheConfig()
    {
        var options = new OpenSshOptions(new SshSettings { User = "admin", Port = 2222 }, "/c");
        var target = Gateway with { Port = 22022, User = "cdt" };

        var args = options.Master(target, "/c1");

        args.ShouldBe(["-F", "/c", "-o", "ControlPath=/c1", "-p", "22022", "-l", "cdt", "-o", "ControlMaster=yes", "-o", "ControlPersist=300", "-N", "-f", "--", "10.1.1.1"]);
    }

    [Test]
    public void ClosingUsesTheSameSocket() =>
        new OpenSshOptions(new SshSettings(), "/c").Exit(Gateway with { Shell = LoginShell.Clish }, "/c7").ShouldBe(["-F", "/c", "-o", "ControlPath=/c7", "-O", "exit", "--", "10.1.1.1"]);
}
