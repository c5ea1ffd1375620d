namespace Cdt.Gaia.Health;

/// <summary>
/// Splits the answer of <see cref="GaiaCommands.HealthSnapshotCommand"/> into its parts and reads
/// each with its parser; a part that is missing or not understood is recorded as unread, never a failure of the whole.
/// </summary>
public static class HealthReader
{
    /// <summary>
    /// <paramref name="errors"/> is the command's stderr: some gateways print "HA module not
    /// started" there rather than after the cluster part's marker.
    /// </summary>
    public static HealthSnapshot Read(string output, string errors = "")
    {
        var parts = Split(output);
        var unread = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Part(string name)
        {
            if (parts.TryGetValue(name, out var text) && text.Trim().Length > 0)
            {
                return text;
            }

            unread[name] = "no answer";
            return null;
        }

        T? Read<T>(string name, Func<string, Parsed<T>> parse)
            where T : class
        {
            if (Part(name) is not { } text)
            {
                return null;
            }

            var parsed = parse(text);
            if (!parsed.Ok)
            {
                unread[name] = parsed.Error ?? "not understood";
            }

            return parsed.Value;
        }

        return new HealthSnapshot
        {
            Cluster = ReadCluster(parts.GetValueOrDefault(HealthSnapshot.ClusterPart) is { } c && c.Trim().Length > 0 ? c : errors, unread),
            Policy = Read(HealthSnapshot.PolicyPart, HealthParsers.Policy),
            Routes = Read(HealthSnapshot.RoutesPart, HealthParsers.Routes),
            Interfaces = Read(HealthSnapshot.InterfacesPart, HealthParsers.Interfaces),
            Processes = Read(HealthSnapshot.ProcessesPart, HealthParsers.Processes),
            Licences = Read(HealthSnapshot.LicencesPart, HealthParsers.Licences),
            Unread = unread,
        };
    }

    /// <summary>A gateway that is no cluster member says so ("HA module not started"): no cluster part, and nothing unread.</summary>
    public static ClusterHealth? ReadCluster(string text, IDictionary<string, string> unread)
    {
        if (text.Contains("HA module not started", StringComparison.OrdinalIgnoreCase) || text.Contains("HA not started", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var parsed = ClusterStateParser.Parse(text);
        if (parsed.Value is { } state)
        {
            return ClusterHealth.From(state);
        }

        unread[HealthSnapshot.ClusterPart] = parsed.Error ?? "not understood";
        return null;
    }

    private static Dictionary<string, string> Split(string output)
    {
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        var text = new System.Text.StringBuilder();
        foreach (var line in output.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            if (line.StartsWith(GaiaCommands.HealthMarker, StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    parts[current] = text.ToString();
                }

                current = line[GaiaCommands.HealthMarker.Length..].Trim();
                text.Clear();
                continue;
            }

            text.Append(line).Append('\n');
        }

        if (current is not null)
        {
            parts[current] = text.ToString();
        }

        return parts;
    }
}
