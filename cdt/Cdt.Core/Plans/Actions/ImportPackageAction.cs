namespace Cdt.Plans;

/// <summary><c>import_package</c>: Sends the package when needed, then imports it with CPUSE.</summary>
public sealed record ImportPackageAction : PackageAction
{
    public override string ActionName => "import_package";

    public override TimeSpan DefaultTimeout => TimeSpan.FromMinutes(30);
}
