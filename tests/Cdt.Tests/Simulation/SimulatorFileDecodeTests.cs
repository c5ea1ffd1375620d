using System.Security.Cryptography;
using System.Text;
using Cdt.Fleet;
using Cdt.Simulation;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Simulation;

/// <summary>The simulated gateway decodes a file put through the management server as <c>openssl enc -d -base64</c> would.</summary>
public sealed class SimulatorFileDecodeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 22, 0, 0, TimeSpan.Zero);

    [Test]
    public void ABase64FileIsDecodedToItsPlaceWithTheChecksumOfTheBytes()
    {
        var (simulator, g) = Gateway();
        var bytes = new byte[] { 0, 1, 2, 255, 10, 13 };
        g.Files["/var/log/tmp/x.b64"] = new SimFile { Content = Encoding.ASCII.GetBytes(Convert.ToBase64String(bytes)) };

        var reply = simulator.Execute("gw-01", "openssl enc -d -base64 -A -in '/var/log/tmp/x.b64' -out '/var/log/upload/x.tgz'", Now);

        reply.Exit.ShouldBe(0);
        g.Files["/var/log/upload/x.tgz"].Content.ShouldBe(bytes);
        g.Files["/var/log/upload/x.tgz"].Md5.ShouldBe(Convert.ToHexStringLower(MD5.HashData(bytes)));
    }

    [Test]
    public void AMissingOrDamagedInputFailsAndWritesNothing()
    {
        var (simulator, g) = Gateway();
        g.Files["/var/log/tmp/bad.b64"] = new SimFile { Content = "not base64!"u8.ToArray() };

        simulator.Execute("gw-01", "openssl enc -d -base64 -A -in /var/log/tmp/none.b64 -out /var/log/upload/x.tgz", Now).Exit.ShouldBe(1);
        simulator.Execute("gw-01", "openssl enc -d -base64 -A -in /var/log/tmp/bad.b64 -out /var/log/upload/x.tgz", Now).Exit.ShouldBe(1);
        g.Files.ShouldNotContainKey("/var/log/upload/x.tgz");
    }

    private static (GaiaSimulator, SimGateway) Gateway()
    {
        var fleet = InventoryLoader.LoadText("fleet.yml", new FleetBuilder().Gateway("gw-01", "10.0.0.1", "R81.20").ToString());
        var world = SimWorld.FromInventory(fleet, Now);
        return (new GaiaSimulator(world), world.Gateways["gw-01"]);
    }
}
