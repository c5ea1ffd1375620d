namespace Cdt.Scheduling;

/// <summary>Nagios plugin states; the value is the plugin's exit code.</summary>
public enum CheckStatus
{
    Ok = 0,
    Warning = 1,
    Critical = 2,
    Unknown = 3,
}
