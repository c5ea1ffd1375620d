using Cdt.Config;

namespace Cdt.Plans;

/// <summary>
/// An action about one package file on this machine: <c>path</c>, and optionally the name CPUSE
/// shows once it is imported and the Gaia versions it applies to.
/// </summary>
public abstract record PackageAction : PlanAction
{
    public required LocalFile File { get; init; }

    /// <summary>The name CPUSE shows (<c>show installer packages imported</c>); null: the file name.</summary>
    public string? CpuseName { get; init; }

    /// <summary>The versions as written; empty: guessed from the file name when needed.</summary>
    public IReadOnlyList<string> Versions { get; init; } = [];

    /// <summary>The name given to <c>installer verify/install</c>.</summary>
    public string PackageName => CpuseName ?? File.FileName;

    public virtual PackageKind Kind => PackageKind.Hotfix;

    /// <summary>
    /// The package as the engine knows it. An upgrade's file name tells the version it upgrades
    /// to, never the ones it applies to: those must be written.
    /// </summary>
    public PackageSpec ToSpec() => this is UpgradePackageAction upgrade
        ? new PackageSpec { Path = File.FullPath, Name = CpuseName ?? File.FileName, Versions = Versions, Kind = PackageKind.Upgrade, TargetVersion = upgrade.EffectiveTargetVersion }
        : PackageSpec.FromFile(File.FullPath, CpuseName, Versions, Kind);
}
