using Microsoft.Extensions.Logging;

namespace Cdt.Cli;

/// <summary>
/// The scheduler's log at the edge: one line per message on stderr, stamped with the
/// scheduler's clock, for journald (systemd), cron mail or a terminal.
/// </summary>
public sealed class StderrLogger : ILogger
{
    private readonly TextWriter _error;
    private readonly TimeProvider _time;
    private readonly object _gate = new();

    public StderrLogger(TextWriter error, TimeProvider time)
    {
        _error = error;
        _time = time;
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var level = logLevel switch
        {
            LogLevel.Warning => "warning",
            LogLevel.Error or LogLevel.Critical => "error",
            _ => "info",
        };
        var line = Formats.IsoTime.Format(_time.GetUtcNow()) + " " + level + ": " + formatter(state, exception) + (exception is null ? string.Empty : " (" + exception + ")");
        lock (_gate)
        {
            _error.WriteLine(line);
        }
    }
}
