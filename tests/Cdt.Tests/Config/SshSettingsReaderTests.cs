using Cdt.Config;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Config;

public class SshSettingsReaderTests
{
    private static CdtConfig Load(string ssh) => ConfigLoader.LoadText("/etc/cdt/cdt.conf", "inventory: fleet.yml\ntransport: ssh\n" + ssh, "/etc/cdt");

    [Test]
    public void ReadsEverySettingWithPathsRelativeToTheConfig()
    {
        var config = Load("""
            ssh:
              user: admin
              port: 2222
              identity_file: keys/cdt_ed25519
              known_hosts: ~/.ssh/cdt_known_hosts
              host_key_policy: accept-new
              jump_host: admin@10.0.0.10:22
              config_file: /etc/cdt/ssh_config
              connect_timeout: 5s
              control_persist: 10m
              max_output: 65536
            """);

        config.Transport.ShouldBe(TransportKind.Ssh);
        config.Ssh.ShouldBe(new SshSettings
        {
            User = "admin",
            Port = 2222,
            IdentityFile = "/etc/cdt/keys/cdt_ed25519",
            KnownHosts = "~/.ssh/cdt_known_hosts",
            HostKeyPolicy = HostKeyPolicy.AcceptNew,
            JumpHost = "admin@10.0.0.10:22",
            ConfigFile = "/etc/cdt/ssh_config",
            ConnectTimeout = TimeSpan.FromSeconds(5),
            ControlPersist = TimeSpan.FromMinutes(10),
            MaxOutput = 65536,
        });
    }

    [Test]
    public void WithoutTheSectionHostKeysAreStrictAndTheSimulatorStaysTheDefault()
    {
        var config = ConfigLoader.LoadText("/etc/cdt/cdt.conf", "inventory: fleet.yml\n", "/etc/cdt");

        config.Transport.ShouldBe(TransportKind.Simulator);
        config.Ssh.HostKeyPolicy.ShouldBe(HostKeyPolicy.Strict);
        config.Ssh.JumpHost.ShouldBeNull();
    }

    [TestCase("ssh", TransportKind.Ssh)]
    [TestCase("openssh", TransportKind.OpenSsh)]
    [TestCase("simulator", TransportKind.Simulator)]
    public void BothSshTransportsAreNamedInTheConfig(string name, TransportKind expected) =>
        ConfigLoader.LoadText("/etc/cdt/cdt.conf", $"inventory: fleet.yml\ntransport: {name}\n", "/etc/cdt").Transport.ShouldBe(expected);

    [Test]
    public void TheSampleConfigurationKeepsTheSimulator() =>
        ConfigLoader.LoadText(ConfigLoader.EmbeddedSampleName, ConfigLoader.EmbeddedSample(), null).Transport.ShouldBe(TransportKind.Simulator);

    [TestCase("password")]
    [TestCase("passphrase")]
    public void APasswordIsRefusedWithWhatToUseInstead(string key)
    {
        var e = Should.Throw<CdtInputException>(() => Load($"ssh:\n  user: admin\n  {key}: hunter2\n"));

        var line = e.ToDisplayLines().First();
        line.ShouldStartWith("/etc/cdt/cdt.conf:5:");
        line.ShouldContain("cdt never stores passwords; use 'identity_file' (a key) or an ssh-agent");
        line.ShouldNotContain("hunter2");
    }

    [TestCase("jump_host: 'mgmt; rm -rf /'", "'jump_host' must be [user@]host[:port]")]
    [TestCase("jump_host: a@b:99999", "'jump_host' must be [user@]host[:port]")]
    [TestCase("jump_host: \"admin@mgmt\\n\"", "'jump_host' must be [user@]host[:port]")]
    [TestCase("user: '$(id)'", "is not a valid user name")]
    [TestCase("host_key_policy: no", "'host_key_policy' must be one of strict, accept-new")]
    [TestCase("known_hosts: \"a\\\"b\"", "must not contain quotes")]
    [TestCase("connect_timeout: 0s", "'connect_timeout' must be at least 1s")]
    [TestCase("strict: yes", "unknown")]
    public void BadValuesAreRefusedWithTheirLine(string setting, string message)
    {
        var e = Should.Throw<CdtInputException>(() => Load("ssh:\n  " + setting + "\n"));

        e.ToDisplayLines().ShouldContain(l => l.StartsWith("/etc/cdt/cdt.conf:4:", StringComparison.Ordinal) && l.Contains(message, StringComparison.Ordinal));
    }
}
