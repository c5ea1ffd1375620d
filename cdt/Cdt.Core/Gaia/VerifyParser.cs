namespace Cdt.Gaia;

/// <summary>Reads the answer of <c>installer verify</c>: installation allowed, or the reason it is not.</summary>
public static class VerifyParser
{
    public sealed record Verdict(bool Allowed, string Text);

    public static Parsed<Verdict> Parse(string output)
    {
        var lines = output.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !GaiaText.IsNoise(l)).ToList();
        var refusal = lines.FirstOrDefault(l => l.Contains("not allowed", StringComparison.OrdinalIgnoreCase)
            || l.Contains("is not supported", StringComparison.OrdinalIgnoreCase)
            || l.Contains("not enough free disk space", StringComparison.OrdinalIgnoreCase));
        if (refusal is not null)
        {
            return Parsed<Verdict>.Success(new Verdict(false, refusal));
        }

        var allowed = lines.FirstOrDefault(l => l.Contains("installation is allowed", StringComparison.OrdinalIgnoreCase)
            || l.Contains("upgrade is allowed", StringComparison.OrdinalIgnoreCase)
            || l.Contains("uninstallation is allowed", StringComparison.OrdinalIgnoreCase));
        if (allowed is not null)
        {
            return Parsed<Verdict>.Success(new Verdict(true, allowed));
        }

        return Parsed<Verdict>.Failure("unexpected answer from 'installer verify': " + GaiaText.Excerpt(lines.Count > 0 ? lines[^1] : "(no output)"));
    }
}
