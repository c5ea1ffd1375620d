namespace Cdt.Simulation;

/// <summary>Something that happens by itself at a set time: an install finishing, a reboot ending.</summary>
public sealed class SimEvent
{
    public DateTimeOffset At { get; set; }

    public string Gateway { get; set; } = string.Empty;

    public SimEventKind Kind { get; set; }

    public string? Package { get; set; }

    public bool Success { get; set; }

    /// <summary>Security Group member ids an install applies to (gClish <c>member_ids</c>).</summary>
    public List<string>? MemberIds { get; set; }
}
