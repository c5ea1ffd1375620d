using System.Text;

namespace Cdt.GatewayEmulator.Sshd;

/// <summary>
/// A private sshd's configuration: its own host key and authorized_keys, keys only, verbose
/// logging (one line per TCP connection, which the benchmarks count), room for many concurrent
/// connections, and the emulator's shell forced on every session, started without any start-up file.
/// </summary>
public static class SshdConfig
{
    public static string Text(int port, IReadOnlyList<string> addresses, IReadOnlyList<string> unauthorized, string hostKey, string authorizedKeys, string pidFile, string forceCommand, string home)
    {
        var sb = new StringBuilder();
        sb.Append(FormattableString.Invariant($"Port {port}\n"));
        foreach (var a in addresses)
        {
            sb.Append($"ListenAddress {a}\n");
        }

        // sshd runs the forced command through the account's login shell ("$SHELL -c"), and Debian's
        // bash then reads ~/.bashrc because SSH_CLIENT is set: on a machine whose ~/.bashrc starts a
        // version manager, every emulated command would pay for it. SetEnv applies after sshd's own
        // HOME, so any shell looks for start-up files in the fleet's empty home, never the account's;
        // SHLVL=1 makes bash count as a nested shell, which skips ~/.bashrc and /etc/bash.bashrc.
        // PermitUserRC no: sshd does not run the account's ~/.ssh/rc either.
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
            PermitUserRC no
            SetEnv HOME={home} SHLVL=1

            """);

        // An address whose gateway accepts no key: authentication fails there, and only there.
        foreach (var a in unauthorized)
        {
            sb.Append($"Match LocalAddress {a}\n  AuthorizedKeysFile none\n");
        }

        return sb.ToString();
    }
}
