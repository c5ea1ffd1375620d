using Spectre.Console;

namespace Cdt.Reporting;

/// <summary>
/// Decides whether a run's progress is drawn live: only on a terminal that Spectre finds able to
/// redraw (a terminal, ANSI, interactive: no redirection, no CI). Anything else gets plain lines.
/// </summary>
public static class TerminalProgress
{
    /// <summary>The live display on <paramref name="output"/>, or null where plain lines belong.</summary>
    public static LiveProgress? Live(TextWriter output, TimeProvider runClock)
    {
        var console = AnsiConsole.Create(Settings(new AnsiConsoleOutput(output)));
        return CanRedraw(console.Profile) ? new LiveProgress(console, runClock, TimeProvider.System) : null;
    }

    /// <summary>Spectre's detection, plus <see cref="ContinuousIntegrationEnricher"/>; <paramref name="environment"/> null reads the process's.</summary>
    public static AnsiConsoleSettings Settings(IAnsiConsoleOutput output, Dictionary<string, string>? environment = null) => new()
    {
        Out = output,
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
        Interactive = InteractionSupport.Detect,
        Enrichment = new ProfileEnrichment { Enrichers = [new ContinuousIntegrationEnricher()] },
        EnvironmentVariables = environment,
    };

    public static bool CanRedraw(Profile profile) =>
        profile.Out.IsTerminal && profile.Capabilities.Ansi && profile.Capabilities.Interactive;
}
