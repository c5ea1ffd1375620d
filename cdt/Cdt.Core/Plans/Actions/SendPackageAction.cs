namespace Cdt.Plans;

/// <summary><c>send_package</c>: Copies the package to /var/log/upload/ on the target (skipped when the same checksum is already there); does not import it.</summary>
public sealed record SendPackageAction : PackageAction
{
    public override string ActionName => "send_package";

    public override TimeSpan DefaultTimeout => TimeSpan.FromMinutes(30);
}
