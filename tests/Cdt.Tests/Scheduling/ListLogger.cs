using Microsoft.Extensions.Logging;

namespace Cdt.Tests.Scheduling;

/// <summary>Keeps every log line as "Level: message", in order.</summary>
public sealed class ListLogger : ILogger
{
    private readonly object _gate = new();
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_gate)
        {
            _lines.Add(logLevel + ": " + formatter(state, exception));
        }
    }
}
