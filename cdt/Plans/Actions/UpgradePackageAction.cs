using Cdt.Config;

namespace Cdt.Plans;

/// <summary><c>upgrade_package</c>: a major version upgrade (<c>installer upgrade</c>), imported first when needed.</summary>
public sealed record UpgradePackageAction : PackageAction
{
    public override string ActionName => "upgrade_package";

    public override PackageKind Kind => PackageKind.Upgrade;

    public override TimeSpan DefaultTimeout => TimeSpan.FromHours(3);
}
