namespace Cdt.Plans;

/// <summary><c>download_from_cloud</c>: Lets CPUSE download the package from the Check Point cloud; the file must still exist here, as in CDT.</summary>
public sealed record DownloadFromCloudAction : PackageAction
{
    public override string ActionName => "download_from_cloud";

    public override TimeSpan DefaultTimeout => TimeSpan.FromMinutes(60);
}
