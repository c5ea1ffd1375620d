using Cdt.Config;

namespace Cdt.Plans;

/// <summary>
/// <c>upgrade_package</c>: a major version upgrade (<c>installer upgrade</c>), imported first when
/// needed. Its <c>versions</c> are the ones it upgrades from; the version in its file name is the
/// one it upgrades to (<c>target_version</c> unless written).
/// </summary>
public sealed record UpgradePackageAction : PackageAction
{
    public override string ActionName => "upgrade_package";

    public override PackageKind Kind => PackageKind.Upgrade;

    /// <summary>The version as written; null: read from the file name.</summary>
    public string? TargetVersion { get; init; }

    /// <summary>The Gaia version a gateway runs once upgraded: as written, else the one in the file name.</summary>
    public string? EffectiveTargetVersion => TargetVersion ?? (PackageSpec.FromFile(File.FullPath).Versions is [var inName, ..] ? inName : null);

    public override TimeSpan DefaultTimeout => TimeSpan.FromHours(3);
}
