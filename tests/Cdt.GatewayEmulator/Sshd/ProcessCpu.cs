using System.Globalization;

namespace Cdt.GatewayEmulator.Sshd;

/// <summary>CPU time of a process and of the children it has reaped, from Linux /proc.</summary>
public static class ProcessCpu
{
    /// <summary>Linux reports these times in clock ticks of 1/100 s (USER_HZ) on every common platform.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>utime + stime + cutime + cstime of <paramref name="pid"/>; zero when it is gone.</summary>
    public static TimeSpan WithChildren(int pid) => Read($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat", withChildren: true);

    /// <summary>The same for the calling process: itself and the children it reaped (the ssh clients cdt ran).</summary>
    public static (TimeSpan Self, TimeSpan Children) OfThisProcess()
    {
        var all = Read("/proc/self/stat", withChildren: true);
        var self = Read("/proc/self/stat", withChildren: false);
        return (self, all - self);
    }

    private static TimeSpan Read(string path, bool withChildren)
    {
        if (!File.Exists(path))
        {
            return TimeSpan.Zero;
        }

        // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
        var text = File.ReadAllText(path);
        var rest = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture);
        if (withChildren)
        {
            ticks += long.Parse(rest[13], CultureInfo.InvariantCulture) + long.Parse(rest[14], CultureInfo.InvariantCulture);
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
