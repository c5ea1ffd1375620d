namespace Cdt.Plans;

/// <summary>
/// <c>uninstall_package</c> (CDT XML: <c>uninstall_cpuse_package</c>): uninstalls an installed
/// package, named as CPUSE shows it or by its file name; no file is needed on this machine.
/// </summary>
public sealed record UninstallPackageAction : PlanAction
{
    public override string ActionName => "uninstall_package";

    /// <summary>The name given to <c>installer uninstall</c>: the CPUSE name, else the file name.</summary>
    public required string PackageName { get; init; }

    /// <summary>The package file as written (<c>path</c>), when the plan named the package by file.</summary>
    public string? WrittenPath { get; init; }

    public override TimeSpan DefaultTimeout => TimeSpan.FromMinutes(90);
}
