namespace Cdt.Simulation;

/// <summary>A simulated member's role in its cluster as its peers see it.</summary>
public enum SimRole
{
    None,
    Active,
    Standby,
    Master,
    Backup,
}
