using System.Globalization;

namespace Cdt.IntegrationTests.Support;

/// <summary>
/// cdt's own time-outs for tests that are not about a time-out. cdt runs on the fleet's scaled
/// clock, so the emulated gateways' durations (installs, reboots, the expected reboot, the poll
/// interval) agree with it; a time-out left at its default would be scaled too and fire within
/// seconds of wall-clock time once the machine is busy. Each one here lasts <see cref="Wall"/> on
/// the wall clock, whatever the scale: far beyond any emulated step at 10x slower commands.
/// </summary>
public static class UnscaledTimeouts
{
    public static readonly TimeSpan Wall = TimeSpan.FromMinutes(10);

    /// <summary>Lines for cdt.conf's <c>execute</c> section (indented by two spaces).</summary>
    public static string Execute(double scale)
    {
        var d = Duration(scale);
        return $"""
              command_timeout: {d}
              transfer_timeout: {d}
              install_timeout: {d}
              reboot_timeout: {d}
              failover_timeout: {d}
            """;
    }

    /// <summary>The <c>security_groups</c> and <c>active_passive</c> sections of cdt.conf.</summary>
    public static string Procedures(double scale) => $"""
        security_groups:
          up_timeout: {Duration(scale)}
        active_passive:
          sync_timeout: {Duration(scale)}
        """;

    /// <summary><see cref="Wall"/> in the simulated minutes of a clock <paramref name="scale"/> times faster.</summary>
    private static string Duration(double scale) =>
        ((long)Math.Ceiling(Wall.TotalMinutes * scale)).ToString(CultureInfo.InvariantCulture) + "m";
}
