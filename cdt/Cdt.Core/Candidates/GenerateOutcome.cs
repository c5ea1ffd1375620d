namespace Cdt.Candidates;

/// <summary>What generate wrote and where.</summary>
public sealed record GenerateOutcome(string ListPath, string RecordPath, string ReasonsPath, GeneratedList List, bool Uninstall = false);
