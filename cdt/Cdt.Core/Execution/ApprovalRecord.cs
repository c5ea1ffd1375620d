namespace Cdt.Execution;

/// <summary>An approval of the gate after batch <paramref name="Batch"/>: who gave it, when, and their note.</summary>
public sealed record ApprovalRecord(int Batch, string User, DateTimeOffset At, string? Note);
