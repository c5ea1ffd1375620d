using Cdt.Fleet;
using Cdt.Gaia;
using Cdt.Transport;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Gaia;

public class SimpleParsersTests
{
    [TestCase("This is Check Point's software version R81.20 - Build 631\n", "R81.20")]
    [TestCase("This is Check Point's software version R82 - Build 777\n", "R82")]
    [TestCase("Product version Check Point Gaia R80.40\nOS build 294\n", "R80.40")]
    [TestCase("Context is set to Virtual Device gw_0 (ID 0).\nThis is Check Point's software version R81.10 - Build 335\n", "R81.10")]
    public void ReadsTheVersionFromFwVerOrShowVersion(string output, string version) =>
        SimpleParsers.Version(output).Value.ShouldBe(version);

    [TestCase("")]
    [TestCase("fw: command not found")]
    [TestCase("Segmentation fault")]
    public void NoVersionIsAClearError(string output) =>
        SimpleParsers.Version(output).Error!.ShouldStartWith("no Gaia version in the answer");

    [Test]
    public void ReadsTheChecksumEvenAfterAContextLine()
    {
        SimpleParsers.Md5("0cc175b9c0f1b6a831c399e269772661  /var/log/upload/pkg.tgz\n").Value.ShouldBe("0cc175b9c0f1b6a831c399e269772661");
        SimpleParsers.Md5("Context is set to Virtual Device x (ID 0).\n0CC175B9C0F1B6A831C399E269772661 */var/log/upload/pkg.tgz\n").Value.ShouldBe("0cc175b9c0f1b6a831c399e269772661");
    }

    [TestCase("md5sum: /var/log/upload/pkg.tgz: No such file or directory\n")]
    [TestCase("0cc175b9c0f1b6a831c399e26977266  /short\n")]
    [TestCase("0cc175b9c0f1b6a831c399e269772661\n")]
    [TestCase("")]
    public void NoChecksumLineIsAClearError(string output) =>
        SimpleParsers.Md5(output).Error!.ShouldStartWith("no checksum in the answer of md5sum");

    [Test]
    public void ReadsThePackageStatusAfterTheConfigLockLine()
    {
        const string output = """
            CLINFR0771  Config lock is owned by admin. Use 'lock database override' to acquire the lock.
            Display name:     Check_Point_R82_10_jumbo_hf_main_Bundle_T36_FULL.tgz
            Type:             Hotfix
            Status:           Imported
            Requires reboot:  true
            Imported on:      Wed Jul 22 15:11:09 2026
            Installed on:     N/A
            """;

        SimpleParsers.PackageStatus(output).Value.ShouldBe("Imported");
    }

    [Test]
    public void APackageDetailWithoutStatusIsAClearError() =>
        SimpleParsers.PackageStatus("Package foo was not found\n").Error!.ShouldStartWith("no 'Status:' line");

    [Test]
    public void CountsVrrpRoutersByState()
    {
        const string output = """
            VRRP State
             Flags: On
             1 interface enabled
               2 virtual routers configured
                 0 in Init state
                 1 in Backup state
                 1 in Master state
            """;

        SimpleParsers.Vrrp(output).Value.ShouldBe(new SimpleParsers.VrrpSummary(0, 1, 1));
    }

    [Test]
    public void VrrpOffIsAClearError() =>
        SimpleParsers.Vrrp("VRRP State\n Flags: Off\n").Error!.ShouldStartWith("unexpected output from 'show vrrp'");

    [Test]
    public void ClishAnswersTheShellProbeWithItsVersionAndBashDoesNotKnowIt()
    {
        SimpleParsers.LoginShellFrom(new CommandResult { ExitCode = 0, Stdout = "Product version Check Point Gaia R81.20\n" }).Value!.Shell.ShouldBe(LoginShell.Clish);
        SimpleParsers.LoginShellFrom(new CommandResult { ExitCode = 127, Stderr = "bash: show: command not found\n" }).Value!.Shell.ShouldBe(LoginShell.Expert);
        SimpleParsers.LoginShellFrom(new CommandResult { ExitCode = 1, Stdout = "@@@" }).Error!.ShouldContain("set 'shell:' for this gateway");
    }
}
