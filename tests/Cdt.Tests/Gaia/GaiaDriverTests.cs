using Cdt.Fleet;
using Cdt.Gaia;
using Cdt.Tests.Support;
using Cdt.Transport;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Gaia;

public class GaiaDriverTests
{
    private static readonly Target Auto = new() { Name = "gw", Host = "10.0.0.1", Shell = LoginShell.Auto };

    [Test]
    public async Task AnAutoShellIsAskedOnceAndClishCommandsAreThenSentPlain()
    {
        var shell = new ScriptedShell()
            .Answer("show version product", "Product version Check Point Gaia R81.20\n")
            .Answer("show installer packages installed", "There are no installed packages\n");
        var driver = new GaiaDriver(shell, TimeSpan.FromMinutes(1));

        var version = await driver.VersionAsync(Auto, default);
        var installed = await driver.PackagesAsync(Auto, PackageListing.Installed, default);

        version.Value.ShouldBe("R81.20");
        installed.Value.ShouldBeEmpty();
        shell.Asked.ShouldBe(["show version product", "show version product", "show installer packages installed"]);
    }

    [Test]
    public async Task AnAutoShellThatDoesNotKnowClishIsExpert()
    {
        var shell = new ScriptedShell()
            .Answer("show version product", new CommandResult { ExitCode = 127, Stderr = "bash: show: command not found\n" })
            .Answer("fw ver", "This is Check Point's software version R81.20 - Build 631\n");
        var driver = new GaiaDriver(shell, TimeSpan.FromMinutes(1));

        (await driver.ResolveShellAsync(Auto, default)).Value!.Shell.ShouldBe(LoginShell.Expert);
        (await driver.VersionAsync(Auto, default)).Value.ShouldBe("R81.20");
        shell.Asked.ShouldBe(["show version product", "fw ver"]);
    }

    [Test]
    public async Task AnUnreachableAutoGatewayIsATransportFailureNotAGuess()
    {
        var shell = new ScriptedShell().Answer("show version product", CommandResult.Failed(TransportError.Unreachable, "ssh: connect to host 10.0.0.1 port 22: Connection refused"));
        var driver = new GaiaDriver(shell, TimeSpan.FromMinutes(1));

        var version = await driver.VersionAsync(Auto, default);

        version.TransportFailed.ShouldBeTrue();
        version.Error.ShouldBe("finding the login shell: unreachable: ssh: connect to host 10.0.0.1 port 22: Connection refused");
    }

    [Test]
    public async Task TheImportedNameIsTheOneTheGatewayShows()
    {
        var shell = new ScriptedShell().Answer("clish -c 'show installer packages imported'", """
            Display name                                                                     Type
            Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz                             Hotfix
            """);
        var driver = new GaiaDriver(shell, TimeSpan.FromMinutes(1));
        var gw = Auto with { Shell = LoginShell.Expert };

        var found = await driver.ImportedNameAsync(gw, "R81.20 Take 92", "Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz", default);
        var missing = await driver.ImportedNameAsync(gw, "R81.20 Take 93", "T93.tgz", default);

        found.Value.ShouldBe("Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz");
        missing.Error.ShouldBe("neither 'R81.20 Take 93' nor 'T93.tgz' is among the 1 imported packages; import it first");
    }

    [Test]
    public async Task GarbageFromAGatewayIsAPerTargetErrorNotAnException()
    {
        var shell = new ScriptedShell().Answer("cphaprob state", "\u001b[?1034h#$%&*! Segmentation fault (core dumped)\n@@@\n");
        var driver = new GaiaDriver(shell, TimeSpan.FromMinutes(1));

        var state = await driver.ClusterStateAsync(Auto with { Shell = LoginShell.Expert }, default);

        state.Ok.ShouldBeFalse();
        state.TransportFailed.ShouldBeFalse();
        state.Error!.ShouldStartWith("reading the cluster state: unexpected output from 'cphaprob state'");
    }
}
