namespace Cdt.Fleet;

/// <summary>
/// How CPUSE names a package file once imported. Real gateways tell us through <c>show installer
/// packages imported</c>; the simulator needs to be told, and generate uses it to find a package a
/// plan names only by file among a gateway's installed packages.
/// </summary>
public sealed record CatalogPackage(string File, string Name);
