using Cdt.Host;
using Cdt.Config;
using Cdt.Transport;
using Cdt.Transport.OpenSsh;
using Cdt.Transport.SshNet;

namespace Cdt.IntegrationTests.Support;

/// <summary>
/// The two SSH transports by their cdt.conf names, so one suite runs against both: test fixtures
/// take the name as their argument (<c>[TestFixture("ssh")] [TestFixture("openssh")]</c>).
/// </summary>
public static class Transports
{
    public const string SshNet = "ssh";

    public const string OpenSsh = "openssh";

    /// <param name="notice">Receives what SSH.NET says at run time (the host keys accept-new recorded); OpenSSH writes its own to its stderr.</param>
    public static IRemoteShell Create(string transport, SshSettings settings, TimeProvider time, Action<string>? notice = null) => transport switch
    {
        SshNet => new SshNetShell(settings, time, LocalFileStore.Instance, notice ?? (_ => { })),
        OpenSsh => new OpenSshShell(settings, time, LocalFileStore.Instance),
        _ => throw new ArgumentException("no transport named " + transport, nameof(transport)),
    };

    /// <summary>Connections the shell opened to one gateway so far.</summary>
    public static int ConnectionsOpened(IRemoteShell shell, string gateway) => shell switch
    {
        SshNetShell s => s.ConnectionsOpened[gateway],
        OpenSshShell s => s.ConnectionsOpened[gateway],
        _ => throw new ArgumentException("not an SSH transport", nameof(shell)),
    };
}
