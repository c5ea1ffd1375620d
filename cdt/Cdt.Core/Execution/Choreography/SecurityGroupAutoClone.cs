using Cdt.Fleet;
using Cdt.Gaia;

namespace Cdt.Execution.Choreography;

/// <summary>
/// SMO image auto-clone around a Security Group install (seed 000): read it, turn it off when it
/// is on (an updated member would otherwise clone the old packages back from the others at its
/// reboot), and put it back as it was at the end, after a failure too. The original state is
/// journaled, so resume restores what the admin had, not what cdt left.
/// </summary>
public static class SecurityGroupAutoClone
{
    public const string Prefix = "autoclone:";
    public const string WasOn = Prefix + "was-on";
    public const string WasOff = Prefix + "was-off";
    public const string OffAgain = Prefix + "off-again";
    public const string Restored = Prefix + "restored";

    /// <summary>
    /// Turns auto-clone off if it is on; returns null when done, else why not (nothing changed then).
    /// The first attempt journals the admin's state; a resume after cdt restored it turns it off again.
    /// </summary>
    public static async Task<string?> TurnOffAsync(SecurityGroupSession sg, CancellationToken ct)
    {
        var unit = sg.Unit;
        var last = unit.LastPhaseStartingWith(Prefix);
        if (last is not (null or Restored))
        {
            return null;
        }

        var (state, error) = await ReadAsync(sg, sg.Members, ct);
        if (state is null)
        {
            return "reading the SMO image auto-clone state failed (" + error + ")";
        }

        if (state == "off")
        {
            unit.Phase(last is null ? WasOff : OffAgain, last is null
                ? "SMO image auto-clone is off already: nothing to turn off or back on"
                : "SMO image auto-clone is off (cdt turns it back on at the end, as the admin had it)");
            return null;
        }

        var (_, set) = await sg.RunOnFirstAsync(sg.Members, t => SecurityGroupCommands.SetAutoClone(t, sg.Platform, on: false), sg.Run.Settings.CommandTimeout, ct);
        var (after, afterError) = set.Succeeded ? await ReadAsync(sg, sg.Members, ct) : (null, null);
        if (after != "off")
        {
            return "turning SMO image auto-clone off failed (" + (set.Succeeded ? afterError ?? "it still reads 'on'" : set.Describe()) + ")";
        }

        unit.Phase(last is null ? WasOn : OffAgain, "SMO image auto-clone turned off (it was on; cdt turns it back on at the end)");
        return null;
    }

    /// <summary>Turns auto-clone back on when cdt turned it off; returns whether that worked, with a sentence for the report (null: nothing to restore).</summary>
    public static async Task<(bool Ok, string Text)?> RestoreAsync(SecurityGroupSession sg, IEnumerable<SecurityGroupMember> candidates, CancellationToken ct)
    {
        var unit = sg.Unit;
        if (!unit.Reached(WasOn) || unit.LastPhaseStartingWith(Prefix) == Restored)
        {
            return null;
        }

        var from = candidates.ToList();
        var (_, set) = await sg.RunOnFirstAsync(from, t => SecurityGroupCommands.SetAutoClone(t, sg.Platform, on: true), sg.Run.Settings.CommandTimeout, ct);
        var (after, _) = set.Succeeded ? await ReadAsync(sg, from, ct) : (null, null);
        if (after == "on")
        {
            unit.Phase(Restored, "SMO image auto-clone turned back on, as it was");
            return (true, "SMO image auto-clone is on again, as it was");
        }

        var command = sg.Platform == ClusterKind.ElasticXlSecurityGroup ? "set cluster configuration image auto-clone state on" : "set smo image auto-clone state on";
        return (false, $"SMO image auto-clone could not be turned back on ({(set.Succeeded ? "it does not read 'on'" : set.Describe())}): turn it on by hand in gClish with '{command}'");
    }

    private static async Task<(string? State, string? Error)> ReadAsync(SecurityGroupSession sg, IEnumerable<SecurityGroupMember> from, CancellationToken ct)
    {
        var (_, result) = await sg.RunOnFirstAsync(from, t => SecurityGroupCommands.ShowAutoClone(t, sg.Platform), sg.Run.Settings.CommandTimeout, ct);
        var answer = GaiaAnswer<string>.From(result, AutoCloneParser.Parse, "reading the auto-clone state");
        return (answer.Value, answer.Error);
    }
}
