using Cdt.Gaia;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Gaia;

public class RemoteValuesTests
{
    [Test]
    public void ATrailingNewlineNeverPassesForASafeValue()
    {
        RemoteValues.IsFileName("pkg.tgz").ShouldBeTrue();
        RemoteValues.IsFileName("pkg.tgz\n").ShouldBeFalse();
        RemoteValues.IsAbsolutePath("/var/log/upload/pkg.tgz\n").ShouldBeFalse();
        RemoteValues.IsScriptArgument("--check\n").ShouldBeFalse();
        RemoteValues.IsPackageName("Hotfix 92\n").ShouldBeFalse();
    }
}
