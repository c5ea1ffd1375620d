using System.Security.Cryptography;
using System.Text;

namespace Cdt.Transport.SshNet;

/// <summary>
/// A known_hosts file in OpenSSH's format, read fresh for every check: plain and hashed
/// (<c>|1|salt|hash</c>) host names, <c>[host]:port</c> for ports other than 22, comma lists and
/// <c>@revoked</c> lines. New keys are appended by writing a whole new file and renaming it over
/// the old one, under a lock, so a crash or a parallel connection never leaves half a line.
/// </summary>
public sealed class KnownHostsFile
{
    private static readonly SemaphoreSlim WriteLock = new(1, 1);

    public KnownHostsFile(string path)
    {
        Path = path;
    }

    public string Path { get; }

    /// <summary>The name OpenSSH files a host under: <c>host</c> on port 22, <c>[host]:port</c> otherwise.</summary>
    public static string HostName(string host, int port) => port == 22 ? host : $"[{host}]:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Whether the offered key is known, unknown, or contradicts a known key of its type (or is revoked).</summary>
    public HostKeyVerdict Check(string hostName, string keyType, byte[] key)
    {
        var offered = Convert.ToBase64String(key);
        var sameType = false;
        foreach (var entry in Entries().Where(e => e.Matches(hostName)))
        {
            if (entry.Revoked && entry.Key == offered)
            {
                return HostKeyVerdict.Mismatch;
            }

            if (entry.Revoked || entry.Type != keyType)
            {
                continue;
            }

            if (entry.Key == offered)
            {
                return HostKeyVerdict.Known;
            }

            sameType = true;
        }

        return sameType ? HostKeyVerdict.Mismatch : HostKeyVerdict.Unknown;
    }

    /// <summary>The key types known for a host, so the key exchange can ask for one of them first (as OpenSSH does).</summary>
    public IReadOnlySet<string> TypesFor(string hostName) =>
        Entries().Where(e => !e.Revoked && e.Matches(hostName)).Select(e => e.Type).ToHashSet(StringComparer.Ordinal);

    /// <summary>Records a key (accept-new), unless a parallel connection recorded it meanwhile.</summary>
    public async Task AddAsync(string hostName, string keyType, byte[] key, CancellationToken ct)
    {
        await WriteLock.WaitAsync(ct);
        try
        {
            if (Check(hostName, keyType, key) == HostKeyVerdict.Known)
            {
                return;
            }

            var old = File.Exists(Path) ? await File.ReadAllTextAsync(Path, ct) : string.Empty;
            var line = $"{hostName} {keyType} {Convert.ToBase64String(key)}\n";
            var text = old.Length == 0 || old.EndsWith('\n') ? old + line : old + "\n" + line;
            var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
            Directory.CreateDirectory(folder);
            var temp = System.IO.Path.Combine(folder, "." + System.IO.Path.GetFileName(Path) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
            try
            {
                await File.WriteAllTextAsync(temp, text, ct);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(temp, File.Exists(Path) ? File.GetUnixFileMode(Path) : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
                }

                File.Move(temp, Path, overwrite: true);
            }
            finally
            {
                File.Delete(temp);
            }
        }
        finally
        {
            WriteLock.Release();
        }
    }

    private IEnumerable<Entry> Entries()
    {
        if (!File.Exists(Path))
        {
            yield break;
        }

        foreach (var raw in File.ReadLines(Path))
        {
            var fields = raw.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0 || fields[0].StartsWith('#'))
            {
                continue;
            }

            var revoked = fields[0] == "@revoked";
            if (fields[0].StartsWith('@') && !revoked)
            {
                // @cert-authority lines vouch for certificates, which cdt does not accept as host keys.
                continue;
            }

            var rest = revoked ? fields[1..] : fields;
            if (rest.Length >= 3)
            {
                yield return new Entry(rest[0], rest[1], rest[2], revoked);
            }
        }
    }

    private sealed record Entry(string Hosts, string Type, string Key, bool Revoked)
    {
        public bool Matches(string hostName)
        {
            if (Hosts.StartsWith("|1|", StringComparison.Ordinal))
            {
                return HashedMatches(Hosts, hostName);
            }

            // Negated and wildcard patterns are left to OpenSSH (transport: openssh): cdt matches exact names.
            return Hosts.Split(',').Any(h => h == hostName);
        }

        private static bool HashedMatches(string hashed, string hostName)
        {
            var parts = hashed.Split('|');
            if (parts.Length != 4)
            {
                return false;
            }

            try
            {
                var salt = Convert.FromBase64String(parts[2]);
                var expected = Convert.FromBase64String(parts[3]);
#pragma warning disable CA5350 // OpenSSH's hashed host names are HMAC-SHA1 by definition; matching them needs it.
                return CryptographicOperations.FixedTimeEquals(HMACSHA1.HashData(salt, Encoding.UTF8.GetBytes(hostName)), expected);
#pragma warning restore CA5350
            }
            catch (FormatException)
            {
                return false;
            }
        }
    }
}
