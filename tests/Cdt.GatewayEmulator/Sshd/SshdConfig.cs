using System.Text;

namespace Cdt.GatewayEmulator.Sshd;

/// <summary>
/// A private sshd's configuration: its own host key and authorized_keys, keys only, verbose
/// logging (one line per TCP connection, which the benchmarks count), room for many concurrent
/// connections, and the emulator's shell forced on every session.
/// </summary>
public static class SshdConfig
{
    public static string Text(int port, IReadOnlyList<string> addresses, IReadOnlyList<string> unauthorized, string hostKey, string authorizedKeys, string pidFile, string forceCommand)
    {
        var sb = new StringBuilder();
        sb.Append(FormattableString.Invariant($"Port {port}\n"));
        foreach (var a in addresses)
        {
            sb.Append($"ListenAddress {a}\n");
        }

        sb.Append($"""
            HostKey {hostKey}
            AuthorizedKeysFile {authorizedKeys}
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            UsePAM no
            StrictModes no
            PidFile {pidFile}
            LogLevel VERBOSE
            MaxStartups 400:30:800
            MaxSessions 100
            AllowTcpForwarding yes
            ForceCommand {forceCommand}

            """);

        // An address whose gateway accepts no key: authentication fails there, and only there.
        foreach (var a in unauthorized)
        {
            sb.Append($"Match LocalAddress {a}\n  AuthorizedKeysFile none\n");
        }

        return sb.ToString();
    }
}
