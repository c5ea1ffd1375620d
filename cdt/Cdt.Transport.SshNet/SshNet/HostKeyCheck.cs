using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Cdt.Config;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Cdt.Transport.SshNet;

/// <summary>
/// Checks the key one connection attempt is offered against known_hosts, under the run's policy:
/// strict refuses unknown keys, accept-new records them; a changed key is refused under both.
/// Keeps the verdict, so a failed connection can say why it was refused.
/// </summary>
public sealed class HostKeyCheck
{
    private readonly KnownHostsFile _file;
    private readonly HostKeyPolicy _policy;
    private readonly string _hostName;

    public HostKeyCheck(KnownHostsFile file, HostKeyPolicy policy, string host, int port)
    {
        _file = file;
        _policy = policy;
        _hostName = KnownHostsFile.HostName(host, port);
    }

    /// <summary>Set once a key was refused: the one-line reason, written as OpenSSH writes it.</summary>
    public CommandResult? Refusal { get; private set; }

    /// <summary>A key accepted under accept-new (type and SHA256 fingerprint), to be recorded and reported.</summary>
    public string? Recorded { get; private set; }

    /// <summary>True when a new key was trusted under accept-new and still has to be written to known_hosts.</summary>
    public bool Pending => _pending is not null;

    private (string Type, byte[] Key)? _pending;

    /// <summary>Writes the accepted key (atomically, see <see cref="KnownHostsFile.AddAsync"/>).</summary>
    public async Task RecordAsync(CancellationToken ct)
    {
        if (_pending is { } p)
        {
            await _file.AddAsync(_hostName, p.Type, p.Key, ct);
            _pending = null;
        }
    }

    /// <summary>Asks for the key types known_hosts knows for this host first, and never for certificates.</summary>
    public void Narrow(ConnectionInfo info)
    {
        var known = _file.TypesFor(_hostName);
        foreach (var name in info.HostKeyAlgorithms.Keys.ToList())
        {
            if (name.Contains("-cert-", StringComparison.Ordinal) || (known.Count > 0 && !known.Contains(KeyType(name))))
            {
                info.HostKeyAlgorithms.Remove(name);
            }
        }
    }

    public void OnHostKey(object? sender, HostKeyEventArgs e)
    {
        var type = BlobType(e.HostKey);
        var verdict = _file.Check(_hostName, type, e.HostKey);
        var label = Label(type);
        var fingerprint = "SHA256:" + Convert.ToBase64String(SHA256.HashData(e.HostKey)).TrimEnd('=');
        switch (verdict)
        {
            case HostKeyVerdict.Known:
                e.CanTrust = true;
                return;
            case HostKeyVerdict.Mismatch:
                e.CanTrust = false;
                Refusal = CommandResult.Failed(
                    TransportError.HostKeyMismatch,
                    $"Host key for {_hostName} has changed and you have requested strict checking.\nWARNING: REMOTE HOST IDENTIFICATION HAS CHANGED! The {label} key offered has fingerprint {fingerprint}; {_file.Path} holds another. Someone could be eavesdropping (man-in-the-middle), or the gateway was reinstalled: check, then correct {_file.Path}.");
                return;
            case HostKeyVerdict.Unknown when _policy == HostKeyPolicy.AcceptNew:
                _pending = (type, e.HostKey);
                Recorded = $"{label} key {fingerprint}";
                e.CanTrust = true;
                return;
            default:
                e.CanTrust = false;
                Refusal = CommandResult.Failed(
                    TransportError.UnknownHostKey,
                    $"No {label} host key is known for {_hostName} and you have requested strict checking.\nHost key verification failed (offered {label} key {fingerprint}; add it to {_file.Path} or set host_key_policy: accept-new).");
                return;
        }
    }

    /// <summary>The key type of a host-key algorithm: RSA keys are filed as ssh-rsa whatever the signature hash.</summary>
    public static string KeyType(string algorithm) => algorithm is "rsa-sha2-256" or "rsa-sha2-512" ? "ssh-rsa" : algorithm;

    /// <summary>The key type named at the start of a public key blob (a length-prefixed string).</summary>
    private static string BlobType(byte[] blob)
    {
        if (blob.Length < 4)
        {
            return string.Empty;
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(blob);
        return length > 0 && length <= blob.Length - 4 ? Encoding.ASCII.GetString(blob, 4, length) : string.Empty;
    }

    private static string Label(string type) => type switch
    {
        "ssh-ed25519" => "ED25519",
        "ssh-rsa" => "RSA",
        _ when type.StartsWith("ecdsa-", StringComparison.Ordinal) => "ECDSA",
        _ => type.ToUpperInvariant(),
    };
}
