using Spectre.Console;

namespace Cdt.Reporting;

/// <summary>
/// CI=true (set by most CI services, and by cdt's own CI): a log reads the output, not a person,
/// so nothing is redrawn. Spectre's own enrichers know only some services, by their own variables.
/// </summary>
public sealed class ContinuousIntegrationEnricher : IProfileEnricher
{
    public string Name => "CI";

    public bool Enabled(IDictionary<string, string> environmentVariables) =>
        environmentVariables.TryGetValue("CI", out var value) && (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || value == "1");

    public void Enrich(Profile profile) => profile.Capabilities.Interactive = false;
}
