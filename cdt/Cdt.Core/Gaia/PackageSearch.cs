namespace Cdt.Gaia;

/// <summary>A CPUSE listing searched for one package: its entry (null when the listing does not show it) and how many packages the listing shows.</summary>
public sealed record PackageSearch(InstallerPackage? Entry, int Listed);
