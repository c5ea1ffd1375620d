namespace Cdt.Scheduling;

/// <summary>The monitoring check's verdict: its state and the one line a Nagios plugin prints.</summary>
public sealed record CheckReport(CheckStatus Status, string Line)
{
    public int ExitCode => (int)Status;
}
