namespace Cdt.Simulation;

public enum SimEventKind
{
    InstallDone,
    UninstallDone,
    RebootDone,

    /// <summary>An active/passive pair is synchronized again.</summary>
    PairSynced,
}
