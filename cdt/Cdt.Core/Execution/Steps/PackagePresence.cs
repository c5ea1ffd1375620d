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
        if (package.Kind == PackageKind.Upgrade && package.TargetVersion is not null)
        {
            return FromVersion(await driver.VersionAsync(target, ct), package);
        }

        return FromSearch(await driver.FindPackageAsync(target, PackageListing.Installed, package.Name, package.FileName, ct));
    }

    /// <summary>The same answer from a survey already taken (the check's, or the first answer after a reboot).</summary>
    public static Answer From(GatewaySurvey survey, PackageSpec package) =>
        package.Kind == PackageKind.Upgrade && package.TargetVersion is not null
            ? FromVersion(survey.Version, package)
            : FromSearch(GaiaDriver.Search(survey.Installed, package.Name, package.FileName));

    private static Answer FromVersion(GaiaAnswer<string> version, PackageSpec package) =>
        version.Ok
            ? new Answer(string.Equals(version.Value, package.TargetVersion, StringComparison.OrdinalIgnoreCase), null, null, false)
            : new Answer(false, null, version.Error, version.TransportFailed);

    private static Answer FromSearch(GaiaAnswer<PackageSearch> installed) =>
        installed.Value is { } search
            ? new Answer(search.Entry is not null, search.Entry?.Name, null, false)
            : new Answer(false, null, installed.Error, installed.TransportFailed);
}
