namespace Cdt.Plans;

/// <summary><c>verify_package</c>: Asks CPUSE whether the imported package can be installed ("Installation is allowed").</summary>
public sealed record VerifyPackageAction : PackageAction
{
    public override string ActionName => "verify_package";

    public override TimeSpan DefaultTimeout => TimeSpan.FromMinutes(10);
}
