using Cdt.Config;
using Cdt.Diagnostics;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Config;

public sealed class ManagementTransportSettingsTests
{
    private const string Pin = "SHA256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Test]
    public void TransportManagementTakesTheServerOfTheInventoryAndItsScriptLimitAndTaskPoll()
    {
        var config = ConfigLoader.LoadText("cdt.conf", $"""
            inventory:
              management:
                server: https://10.0.0.10:443
                api_key_env: K
                fingerprint: {Pin}
                script_limit: 4m30s
                task_poll: 500ms
            transport: management

            """, "/etc/cdt");

        config.Transport.ShouldBe(TransportKind.Management);
        config.Management!.ScriptLimit.ShouldBe(TimeSpan.FromSeconds(270));
        config.Management.TaskPoll.ShouldBe(TimeSpan.FromMilliseconds(500));
    }

    [Test]
    public void TheScriptLimitIsFiveMinutesAndTheTaskPollTwoSecondsByDefault()
    {
        var config = ConfigLoader.LoadText("cdt.conf", $"inventory:\n  management:\n    server: https://10.0.0.10\n    api_key_env: K\n    fingerprint: {Pin}\ntransport: management\n", "/etc/cdt");

        config.Management!.ScriptLimit.ShouldBe(TimeSpan.FromMinutes(5));
        config.Management.TaskPoll.ShouldBe(TimeSpan.FromSeconds(2));
    }

    [Test]
    public void TransportManagementWithAnInventoryFileIsOneLineNamingIt()
    {
        var e = Should.Throw<CdtInputException>(() => ConfigLoader.LoadText("cdt.conf", "inventory: fleet.yml\ntransport: management\n", "/etc/cdt"));

        e.ToDisplayLines().ShouldContain("cdt.conf:2:12: 'transport: management' reaches gateways through the management server: it needs 'inventory: { management: ... }' naming that server");
    }
}
