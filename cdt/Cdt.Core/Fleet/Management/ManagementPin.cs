using System.Globalization;

namespace Cdt.Fleet.Management;

/// <summary>A pinned server certificate fingerprint: <c>SHA256:</c> and 64 hexadecimal digits, colons allowed (as <c>openssl x509 -fingerprint -sha256</c> prints them).</summary>
public static class ManagementPin
{
    private const string Prefix = "SHA256:";

    /// <summary>The 32 bytes of the fingerprint, or null when the text is not one.</summary>
    public static byte[]? Parse(string text)
    {
        if (!text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var hex = text[Prefix.Length..].Replace(":", string.Empty, StringComparison.Ordinal);
        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        return Convert.FromHexString(hex);
    }

    public static string Format(ReadOnlySpan<byte> sha256) =>
        Prefix + string.Join(':', sha256.ToArray().Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));
}
