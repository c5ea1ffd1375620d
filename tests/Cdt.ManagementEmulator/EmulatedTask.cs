namespace Cdt.ManagementEmulator;

/// <summary>One task of the emulated server: in progress until its run's duration (cut at the script limit) has passed, then succeeded or failed.</summary>
internal sealed record EmulatedTask(string Id, string Name, string Gateway, DateTimeOffset Started, TaskRun Run, bool Endless);
