namespace Cdt.Fleet;

/// <summary>
/// How CPUSE names a package file once imported (the simulator's catalog). Real gateways tell us
/// through <c>show installer packages imported</c>; the simulator needs to be told.
/// </summary>
public sealed record CatalogPackage(string File, string Name);
