using Cdt.Config;
using Cdt.Diagnostics;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Config;

public sealed class ManagementSettingsTests
{
    private const string Pin = "SHA256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static string Conf(string management) => $"""
        inventory:
          management:
        {management}
        package:
          path: Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz

        """;

    [Test]
    public void AManagementServerIsReadAndTheInventoryIsItsCopyInTheStateFolder()
    {
        var config = ConfigLoader.LoadText("cdt.conf", Conf($"    server: https://10.0.0.10:443\n    domain: Domain-A\n    api_key_env: CDT_MGMT_API_KEY\n    fingerprint: {Pin}"), "/etc/cdt");

        config.Management.ShouldNotBeNull();
        config.Management.Server.ShouldBe(new Uri("https://10.0.0.10:443"));
        config.Management.Domain.ShouldBe("Domain-A");
        config.Management.ApiKeyEnv.ShouldBe("CDT_MGMT_API_KEY");
        config.Inventory.ShouldBe("/etc/cdt/.cdt-state/management-inventory.yml");
    }

    [Test]
    public void AnInventoryPathStillWorks() =>
        ConfigLoader.LoadText("cdt.conf", "inventory: fleet.yml\n", "/etc/cdt").Management.ShouldBeNull();

    [TestCase("    server: https://10.0.0.10\n    user: admin\n    password: secret\n    fingerprint: " + Pin, "cdt.conf:5:15: 'password' does not belong in cdt.conf: put it in an environment variable and name it with 'password_env'")]
    [TestCase("    server: https://10.0.0.10\n    api_key_env: K", "cdt.conf:3:5: 'inventory.management' needs either 'fingerprint' (SHA256:...) or 'ca_file': the server certificate is always verified")]
    [TestCase("    server: https://10.0.0.10\n    fingerprint: " + Pin, "cdt.conf:3:5: 'inventory.management' needs either 'api_key_env', or both 'user' and 'password_env'")]
    [TestCase("    server: http://10.0.0.10\n    api_key_env: K\n    fingerprint: " + Pin, "cdt.conf:3:13: 'http://10.0.0.10' is not a server address such as https://10.0.0.10:443 (https only, no path)")]
    [TestCase("    server: https://10.0.0.10\n    api_key_env: K\n    fingerprint: SHA256:abc", "cdt.conf:5:18: 'SHA256:abc' is not a SHA-256 fingerprint: write SHA256: followed by 64 hexadecimal digits (colons allowed)")]
    public void AManagementSectionThatCannotBeUsedIsOneLineNamingIt(string management, string expected)
    {
        var e = Should.Throw<CdtInputException>(() => ConfigLoader.LoadText("cdt.conf", Conf(management), "/etc/cdt"));

        e.ToDisplayLines().ShouldContain(expected);
    }
}
