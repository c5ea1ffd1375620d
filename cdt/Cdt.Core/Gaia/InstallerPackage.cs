namespace Cdt.Gaia;

/// <summary>One line of <c>show installer packages ...</c>: the name CPUSE uses, its type and status when shown.</summary>
public sealed record InstallerPackage(string Name, string? Type, string? Status);
