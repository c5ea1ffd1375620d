namespace Cdt.Fleet;

/// <summary>The words used for kinds and states in files and on screen, in one place.</summary>
public static class FleetNames
{
    public static readonly IReadOnlyDictionary<string, ClusterKind> ClusterKinds = new Dictionary<string, ClusterKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["clusterxl-ha"] = ClusterKind.ClusterXlHa,
        ["vrrp"] = ClusterKind.Vrrp,
        ["vsx-vsls"] = ClusterKind.VsxVsls,
        ["clusterxl-ls"] = ClusterKind.ClusterXlLoadSharing,
        ["active-passive"] = ClusterKind.ActivePassivePair,
    };

    public static readonly IReadOnlyDictionary<string, LoginShell> Shells = new Dictionary<string, LoginShell>(StringComparer.OrdinalIgnoreCase)
    {
        ["expert"] = LoginShell.Expert,
        ["clish"] = LoginShell.Clish,
        ["auto"] = LoginShell.Auto,
    };

    private static readonly Dictionary<string, MemberState> StatesByText = new(StringComparer.OrdinalIgnoreCase)
    {
        [string.Empty] = MemberState.None,
        ["active"] = MemberState.Active,
        ["standby"] = MemberState.Standby,
        ["backup"] = MemberState.Backup,
        ["master"] = MemberState.Master,
        ["VSLS member"] = MemberState.VslsMember,
        ["VSLS active member"] = MemberState.VslsActiveMember,
        ["up"] = MemberState.Up,
        ["down"] = MemberState.Down,
        ["passive"] = MemberState.Passive,
    };

    public static IReadOnlyDictionary<string, MemberState> States => StatesByText;

    public static string Text(MemberState state) => state switch
    {
        MemberState.None => string.Empty,
        MemberState.Active => "active",
        MemberState.Standby => "standby",
        MemberState.Backup => "backup",
        MemberState.Master => "master",
        MemberState.VslsMember => "VSLS member",
        MemberState.VslsActiveMember => "VSLS active member",
        MemberState.Up => "up",
        MemberState.Down => "down",
        MemberState.Passive => "passive",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static string Text(ClusterKind kind) => kind switch
    {
        ClusterKind.ClusterXlHa => "ClusterXL High Availability",
        ClusterKind.Vrrp => "VRRP",
        ClusterKind.VsxVsls => "VSX VSLS",
        ClusterKind.ClusterXlLoadSharing => "ClusterXL Load Sharing",
        ClusterKind.MaestroSecurityGroup => "Maestro Security Group",
        ClusterKind.ElasticXlSecurityGroup => "ElasticXL Security Group",
        ClusterKind.DualChassis => "dual-chassis Security Group",
        ClusterKind.ActivePassivePair => "active/passive pair",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParseState(string text, out MemberState state) => StatesByText.TryGetValue(text.Trim(), out state);
}
