using Renci.SshNet;

namespace Cdt.Transport.SshNet;

/// <summary>
/// The private keys cdt authenticates with: the configured identity file, or the user's default
/// ed25519, ecdsa and rsa keys. OpenSSH and PEM formats; a key protected by a passphrase is refused
/// with a pointer to <c>transport: openssh</c> and an agent, since cdt never holds a secret.
/// </summary>
public sealed class ClientKeys
{
    private static readonly string[] DefaultNames = ["id_ed25519", "id_ecdsa", "id_rsa"];

    private ClientKeys(IReadOnlyList<IPrivateKeySource> keys, string? problem)
    {
        Keys = keys;
        Problem = problem;
    }

    public IReadOnlyList<IPrivateKeySource> Keys { get; }

    /// <summary>Why no key can be used, or null.</summary>
    public string? Problem { get; }

    public static ClientKeys Load(string? identityFile)
    {
        var paths = identityFile is { } configured
            ? [SshPaths.Expand(configured)]
            : DefaultNames.Select(n => SshPaths.Expand("~/.ssh/" + n)).Where(File.Exists).ToList();
        if (paths.Count == 0)
        {
            return new ClientKeys([], "no private key: set ssh.identity_file, or put a key in ~/.ssh (id_ed25519, id_ecdsa or id_rsa)");
        }

        var keys = new List<IPrivateKeySource>();
        foreach (var path in paths)
        {
            try
            {
                keys.Add(new PrivateKeyFile(path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Renci.SshNet.Common.SshException or ArgumentException or NotSupportedException or FormatException or InvalidOperationException)
            {
                var encrypted = e is Renci.SshNet.Common.SshPassPhraseNullOrEmptyException;
                return new ClientKeys([], encrypted
                    ? $"the key {path} is protected by a passphrase: cdt takes no passphrases; use transport: openssh with an ssh-agent"
                    : $"cannot read the key {path}: {e.Message}");
            }
        }

        return new ClientKeys(keys, null);
    }
}
