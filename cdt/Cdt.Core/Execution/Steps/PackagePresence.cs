using Cdt.Config;
using Cdt.Gaia;
using Cdt.Transport;

namespace Cdt.Execution.Steps;

/// <summary>
/// Whether the package is in place on a gateway: a hotfix shows in <c>show installer packages
/// installed</c>; an upgrade shows in the gateway's version.
/// </summary>
public static class PackagePresence
{
    public sealed record Answer(bool InPlace, string? CpuseName, string? Error, bool Unreachable);

    public static async Task<Answer> CheckAsync(GaiaDriver driver, Target target, PackageSpec package, CancellationToken ct)
    {
        if (package.Kind == PackageKind.Upgrade && package.TargetVersion is { } wanted)
        {
            var version = await driver.VersionAsync(target, ct);
            return version.Ok
                ? new Answer(string.Equals(version.Value, wanted, StringComparison.OrdinalIgnoreCase), null, null, false)
                : new Answer(false, null, version.Error, version.TransportFailed);
        }

        var installed = await driver.FindPackageAsync(target, PackageListing.Installed, package.Name, package.FileName, ct);
        return installed.Value is { } search
            ? new Answer(search.Entry is not null, search.Entry?.Name, null, false)
            : new Answer(false, null, installed.Error, installed.TransportFailed);
    }
}
