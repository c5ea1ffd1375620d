using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cdt.Fleet.Management;

namespace Cdt.Management;

/// <summary>
/// Verifies the server certificate: its SHA-256 against the pin, or its chain against the CA file
/// (and its name against the server's). There is no way to skip it. <see cref="Refusal"/> keeps why
/// the last certificate was refused, for the error line.
/// </summary>
public sealed class CertificateCheck
{
    private readonly byte[]? _pin;
    private readonly X509Certificate2Collection? _roots;

    public CertificateCheck(ManagementSettings settings)
    {
        _pin = settings.Fingerprint is { } f ? ManagementPin.Parse(f) : null;
        if (settings.CaFile is { } ca)
        {
            _roots = [];
            _roots.ImportFromPemFile(ca);
        }
    }

    public string? Refusal { get; private set; }

    public bool Accept(X509Certificate2? certificate, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            Refusal = "the server sent no certificate";
            return false;
        }

        if (_pin is not null)
        {
            var seen = SHA256.HashData(certificate.RawData);
            if (CryptographicOperations.FixedTimeEquals(seen, _pin))
            {
                return true;
            }

            Refusal = $"the server certificate {ManagementPin.Format(seen)} does not match the pinned fingerprint";
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_roots!);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (!chain.Build(certificate))
        {
            Refusal = "the server certificate is not signed by the CA of 'ca_file'";
            return false;
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            Refusal = "the server certificate is not issued to the server's name";
            return false;
        }

        return true;
    }
}
