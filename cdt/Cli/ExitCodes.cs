namespace Cdt.Cli;

/// <summary>Every exit code cdt returns, documented in the README and tested.</summary>
public static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Ok = 0;

    /// <summary>The run finished, but at least one target failed.</summary>
    public const int SomeFailed = 1;

    /// <summary>Bad input: a file, option or list that cannot be used; nothing was changed.</summary>
    public const int BadInput = 2;

    /// <summary>The deadline stopped the run: batches were left not started.</summary>
    public const int Deadline = 3;

    /// <summary>The failure threshold stopped the run.</summary>
    public const int Threshold = 4;

    /// <summary>Cancelled by the operator (Ctrl-C).</summary>
    public const int Cancelled = 5;

    /// <summary>Another run holds the lock, or an update lock is set.</summary>
    public const int Locked = 6;

    /// <summary>
    /// cdt itself failed during a run (the journal could not be written, or a unit broke): it
    /// started nothing new, let the units in flight finish and wrote the reports.
    /// </summary>
    public const int RunFailure = 7;

    /// <summary>A bug in cdt: an unexpected error (reported with its details).</summary>
    public const int InternalError = 70;
}
