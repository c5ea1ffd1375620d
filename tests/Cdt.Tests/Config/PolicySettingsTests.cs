using Cdt.Config;
using Cdt.Diagnostics;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Config;

/// <summary><c>execute.install_policy</c>, <c>policy_package</c> and <c>policy_timeout</c>, and CDT's default for the first.</summary>
public sealed class PolicySettingsTests
{
    private const string Pin = "SHA256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private const string Management = "inventory:\n  management:\n    server: https://10.0.0.10:443\n    api_key_env: CDT_MGMT_API_KEY\n    fingerprint: " + Pin + "\n";

    [TestCase("none", PolicyInstall.None)]
    [TestCase("access", PolicyInstall.Access)]
    [TestCase("access+threat", PolicyInstall.AccessThreat)]
    [TestCase("ACCESS+THREAT", PolicyInstall.AccessThreat)]
    [TestCase("all", PolicyInstall.All)]
    public void EveryValueIsRead(string text, PolicyInstall expected)
    {
        var execute = Load(Management + $"execute:\n  install_policy: {text}\n").Execute;

        execute.Policies.ShouldBe(expected);
        execute.InstallPolicyDefaulted.ShouldBeFalse();
    }

    [Test]
    public void WithAnInventoryFromTheManagementServerTheDefaultIsAccessAndThreatPrevention()
    {
        var execute = Load(Management).Execute;

        execute.Policies.ShouldBe(PolicyInstall.AccessThreat);
        execute.InstallPolicyDefaulted.ShouldBeTrue();
    }

    [Test]
    public void WithAnInventoryFileTheDefaultIsNone()
    {
        var execute = Load("inventory: fleet.yml\ntransport: ssh\n").Execute;

        execute.Policies.ShouldBe(PolicyInstall.None);
        execute.InstallPolicyDefaulted.ShouldBeTrue();
    }

    [Test]
    public void ThePackageAndTheTimeOutAreRead()
    {
        var execute = Load(Management + "execute:\n  policy_package: Branch Offices\n  policy_timeout: 45m\n").Execute;

        execute.PolicyPackage.ShouldBe("Branch Offices");
        execute.PolicyTimeout.ShouldBe(TimeSpan.FromMinutes(45));
        new ExecuteSettings().PolicyTimeout.ShouldBe(TimeSpan.FromMinutes(30));
    }

    [Test]
    public void TheSimulatorInstallsAPolicyWithoutAManagementServer() =>
        Load("inventory: fleet.yml\nexecute:\n  install_policy: access\n").Execute.Policies.ShouldBe(PolicyInstall.Access);

    [TestCase("inventory: fleet.yml\nexecute:\n  install_policy: everything\n", "cdt.conf:3:19: 'install_policy' must be one of none, access, access+threat, all, not 'everything'")]
    [TestCase("inventory: fleet.yml\ntransport: ssh\nexecute:\n  install_policy: access\n", "cdt.conf:4:19: 'install_policy: access' needs 'inventory.management': cdt installs the policy through the Management API; configure the server there or set 'install_policy: none'")]
    [TestCase("inventory: fleet.yml\nexecute:\n  policy_package: \"\"\n", "cdt.conf:3:19: 'policy_package' must be the name of a policy package on the management server (one line, such as Standard)")]
    [TestCase("inventory: fleet.yml\nexecute:\n  policy_timeout: soon\n", "cdt.conf:3:19: 'policy_timeout'")]
    public void ABadSettingIsOneLineNamingIt(string conf, string expected)
    {
        var e = Should.Throw<CdtInputException>(() => Load(conf));

        var lines = e.ToDisplayLines().ToList();
        lines.Count.ShouldBe(1, string.Join("\n", lines));
        lines[0].ShouldStartWith(expected);
    }

    private static CdtConfig Load(string text) => ConfigLoader.LoadText("cdt.conf", text, "/etc/cdt");
}
