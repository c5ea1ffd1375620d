using Cdt.Execution;
using NLog;

namespace Cdt.Reporting;

/// <summary>
/// The run's logs through NLog, configured from <c>config/NLog.config</c> (or the built-in
/// default): the main log <c>cdt.log</c> and one log per target under <c>targets/</c>, both in the
/// run folder. Messages carry the run's own clock (simulated time in the demo).
/// </summary>
public sealed class NLogRunObserver : IRunObserver, IDisposable
{
    private readonly LogFactory _factory;
    private readonly Logger _main;
    private readonly Logger _targets;

    public NLogRunObserver(string runFolder, string? configFile)
    {
        _factory = new LogFactory();
        if (configFile is not null && File.Exists(configFile))
        {
            _factory.Setup().LoadConfigurationFromFile(configFile);
        }
        else
        {
            _factory.Setup().LoadConfiguration(b =>
            {
                b.ForLogger("cdt.run").WriteTo(new NLog.Targets.FileTarget("main") { FileName = "${var:runDir}/cdt.log", Layout = "${message}" });
                // Thousands of target logs: append and close (NLog's cache of open files checks every
                // cached file on each write, which costs far more than opening one).
                b.ForLogger("cdt.target").WriteTo(new NLog.Targets.FileTarget("target") { FileName = "${var:runDir}/targets/${event-properties:item=target}.log", Layout = "${message}", KeepFileOpen = false });
            });
        }

        _factory.Configuration!.Variables["runDir"] = runFolder;
        _factory.ReconfigExistingLoggers();
        _main = _factory.GetLogger("cdt.run");
        _targets = _factory.GetLogger("cdt.target");
    }

    public void OnEvent(RunEvent e, RunState state)
    {
        if (PlainProgress.Line(e, state) is not { } line)
        {
            return;
        }

        var level = e.Status is "failed" ? LogLevel.Warn : LogLevel.Info;
        _main.Log(level, "{At} {Line}", e.At, line);
        if (e.Target is not null)
        {
            _targets.WithProperty("target", e.Target).Log(level, "{At} {Line}", e.At, line);
        }
    }

    public void OnDetail(string? target, string text)
    {
        if (target is not null)
        {
            _targets.WithProperty("target", target).Debug("{Text}", text);
        }
    }

    public void Dispose()
    {
        _factory.Flush();
        _factory.Dispose();
    }
}
