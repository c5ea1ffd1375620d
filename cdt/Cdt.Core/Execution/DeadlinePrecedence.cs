namespace Cdt.Execution;

/// <summary>
/// Which deadline a run keeps: the command line's <c>--deadline</c>, else the one the resumed run
/// recorded when it started (a resume keeps the window it was started for), else cdt.conf's
/// <c>execute.deadline</c>.
/// </summary>
public static class DeadlinePrecedence
{
    public static DateTimeOffset? Resolve(DateTimeOffset? commandLine, DateTimeOffset? resumedRun, DateTimeOffset? config) =>
        commandLine ?? resumedRun ?? config;
}
