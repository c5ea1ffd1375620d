namespace Cdt.Fleet;

/// <summary>
/// Faults the simulator and the SSH gateway emulator inject for one gateway, set in the inventory's
/// <c>simulation.faults</c>. Real gateways ignore them.
/// </summary>
public enum Fault
{
    /// <summary>Every connection fails as if the host were down.</summary>
    Unreachable,

    /// <summary><c>installer verify</c> answers that installation is not allowed.</summary>
    VerifyRefuses,

    /// <summary><c>installer import</c> fails.</summary>
    ImportFails,

    /// <summary><c>installer install</c> ends with a failure and the package stays not installed.</summary>
    InstallFails,

    /// <summary>After the install the gateway goes down and never comes back.</summary>
    RebootNeverReturns,

    /// <summary>The reboot takes four times as long as configured.</summary>
    SlowReboot,

    /// <summary><c>clusterXL_admin down</c> on this member does not move traffic to another member.</summary>
    NoFailover,

    /// <summary>The SSH session of the install drops midway; the install itself goes on and completes.</summary>
    DropDuringInstall,

    /// <summary>Every copy of a file to the gateway arrives corrupted (checksum mismatch).</summary>
    CorruptTransfer,

    /// <summary>Clish answers with the configuration-lock banner until <c>lock database override</c>.</summary>
    ConfigLock,

    /// <summary>Status commands print garbage instead of their normal output.</summary>
    GarbledOutput,

    /// <summary>Members of a Security Group group taken down never come back UP.</summary>
    NeverUp,

    /// <summary>Setting the SMO image auto-clone state fails on this Security Group.</summary>
    AutoCloneFails,

    /// <summary>Active/passive pair: the nodes never report being in sync again after a reboot.</summary>
    NeverSyncs,

    /// <summary>Active/passive pair: the verify command reports the updates as not properly installed.</summary>
    VerifyFails,

    /// <summary>Every command runs until the client gives up: the transport's command time-out ends it.</summary>
    Hang,

    /// <summary>After a reboot the gateway enforces <c>InitialPolicy</c>: its security policy did not come back.</summary>
    PolicyNotBack,

    /// <summary>After a reboot the interface <c>eth2</c> stays down (no carrier).</summary>
    InterfaceDown,

    /// <summary>After a reboot the WatchDog's <c>FWD</c> process does not start (terminated).</summary>
    ProcessNotStarted,

    /// <summary>After a reboot the dynamic routes are gone: only the connected and static ones are left.</summary>
    RoutesLost,

    /// <summary>The policy installation after the package fails on this gateway (or on the cluster it belongs to).</summary>
    PolicyInstallFails,
}
