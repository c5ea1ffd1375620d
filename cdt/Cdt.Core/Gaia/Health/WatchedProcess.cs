namespace Cdt.Gaia.Health;

/// <summary>
/// One process the Check Point WatchDog watches, from <c>cpwd_admin list</c>: its APP name (with
/// the VSX context when the list has a CTX column) and STAT (<c>E</c> executing, <c>T</c> terminated).
/// </summary>
public sealed record WatchedProcess(string App, string Stat)
{
    public bool Running => Stat == "E";
}
