namespace Cdt.ManagementEmulator;

/// <summary>What a task did on its gateway: how long it takes, its output, and whether (and why) it failed.</summary>
public sealed record TaskRun(TimeSpan Duration, string Output, bool Failed, string Description);
