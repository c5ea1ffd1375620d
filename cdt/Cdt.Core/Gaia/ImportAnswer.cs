using Cdt.Transport;

namespace Cdt.Gaia;

/// <summary>
/// The import's own answer, and when it succeeded the imported list read right after it (which
/// tells the name CPUSE gave the package); <see cref="Listed"/> is null when the import failed.
/// </summary>
public sealed record ImportAnswer(CommandResult Import, GaiaAnswer<IReadOnlyList<InstallerPackage>>? Listed);
