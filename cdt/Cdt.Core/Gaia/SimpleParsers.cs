using System.Globalization;
using System.Text.RegularExpressions;
using Cdt.Fleet;
using Cdt.Transport;

namespace Cdt.Gaia;

/// <summary>Parsers for one-value answers: version, checksum, a package's status, VRRP state counts.</summary>
public static partial class SimpleParsers
{
    [GeneratedRegex(@"\b(R\d{2}(?:\.\d{1,2})?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex VersionToken();

    [GeneratedRegex(@"^\s*([0-9a-fA-F]{32})\s+\*?\S", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex Md5Line();

    [GeneratedRegex(@"(\d+)\s+in\s+(Init|Backup|Master)\s+state", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex VrrpCount();

    /// <summary>From <c>fw ver</c> ("This is Check Point's software version R81.20 - Build 631") or <c>show version product</c>.</summary>
    public static Parsed<string> Version(string output)
    {
        var m = VersionToken().Match(output);
        return m.Success
            ? Parsed<string>.Success(m.Groups[1].Value)
            : Parsed<string>.Failure("no Gaia version in the answer: " + GaiaText.Excerpt(output));
    }

    public static Parsed<string> Md5(string output)
    {
        var m = Md5Line().Match(output);
        return m.Success
            ? Parsed<string>.Success(m.Groups[1].Value.ToLowerInvariant())
            : Parsed<string>.Failure("no checksum in the answer of md5sum: " + GaiaText.Excerpt(output));
    }

    /// <summary>The <c>Status:</c> line of <c>show installer package NAME</c> (e.g. Imported, Installing, Installed).</summary>
    public static Parsed<string> PackageStatus(string output)
    {
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("Status:", StringComparison.OrdinalIgnoreCase))
            {
                return Parsed<string>.Success(line["Status:".Length..].Trim());
            }
        }

        return Parsed<string>.Failure("no 'Status:' line in 'show installer package': " + GaiaText.Excerpt(output));
    }

    public sealed record DetectedShell(LoginShell Shell);

    /// <summary>From the answer to <see cref="GaiaCommands.DetectShell"/>: Clish prints the version, bash does not know the command.</summary>
    public static Parsed<DetectedShell> LoginShellFrom(CommandResult result)
    {
        if (result.ExitCode == 0 && VersionToken().IsMatch(result.Stdout))
        {
            return Parsed<DetectedShell>.Success(new DetectedShell(LoginShell.Clish));
        }

        if (result.ExitCode == 127 || (result.Stdout + result.Stderr).Contains("command not found", StringComparison.OrdinalIgnoreCase))
        {
            return Parsed<DetectedShell>.Success(new DetectedShell(LoginShell.Expert));
        }

        return Parsed<DetectedShell>.Failure("cannot tell the login shell (Expert or Clish) from the answer to '" + GaiaCommands.DetectShell + "': "
            + GaiaText.Excerpt(result.Stdout + " " + result.Stderr) + "; set 'shell:' for this gateway in the inventory");
    }

    public sealed record VrrpSummary(int Init, int Backup, int Master);

    /// <summary>From <c>show vrrp</c>: how many virtual routers are in Init, Backup and Master state.</summary>
    public static Parsed<VrrpSummary> Vrrp(string output)
    {
        int init = 0, backup = 0, master = 0;
        var any = false;
        foreach (Match m in VrrpCount().Matches(output))
        {
            any = true;
            var n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            switch (m.Groups[2].Value.ToUpperInvariant())
            {
                case "INIT":
                    init = n;
                    break;
                case "BACKUP":
                    backup = n;
                    break;
                default:
                    master = n;
                    break;
            }
        }

        return any
            ? Parsed<VrrpSummary>.Success(new VrrpSummary(init, backup, master))
            : Parsed<VrrpSummary>.Failure("unexpected output from 'show vrrp': " + GaiaText.Excerpt(output));
    }
}
