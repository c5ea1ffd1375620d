namespace Cdt.Plans;

/// <summary><c>install_package</c>: Installs the package (importing it first when needed) and waits for the target to come back.</summary>
public sealed record InstallPackageAction : PackageAction
{
    public override string ActionName => "install_package";

    public override TimeSpan DefaultTimeout => TimeSpan.FromMinutes(90);
}
