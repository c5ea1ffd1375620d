namespace Cdt.Simulation;

public enum SimEventKind
{
    InstallDone,
    UninstallDone,
    RebootDone,
}
