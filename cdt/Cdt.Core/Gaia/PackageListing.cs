namespace Cdt.Gaia;

/// <summary>Which <c>show installer packages</c> listing to ask for.</summary>
public enum PackageListing
{
    All,
    Imported,
    Installed,
    AvailableForDownload,
}
