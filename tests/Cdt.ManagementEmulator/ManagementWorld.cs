using System.Globalization;
using System.Text.Json.Nodes;

namespace Cdt.ManagementEmulator;

/// <summary>
/// What the emulated management database holds: the objects <c>show-gateways-and-servers</c> lists
/// (kept as JSON text, in listing order, so a page of 500 costs a join and not a serialization) and
/// the clusters <c>show-simple-cluster</c> can show. Build it before the emulator starts.
/// </summary>
public sealed class ManagementWorld
{
    private readonly List<string> _objects = [];
    private readonly Dictionary<string, string> _simpleClusters = new(StringComparer.Ordinal);
    private readonly HashSet<string> _domains = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Objects => _objects;

    /// <summary>The domains a login may name; empty on a single-domain server (which ignores no domain and refuses any).</summary>
    public IReadOnlySet<string> Domains => _domains;

    public ManagementWorld WithDomains(params string[] domains)
    {
        _domains.UnionWith(domains);
        return this;
    }

    /// <summary>Adds one object as <c>details-level full</c> shows it; a missing <c>uid</c> is made up.</summary>
    public ManagementWorld Add(JsonObject o)
    {
        o["uid"] ??= Uid(_objects.Count + 1);
        _objects.Add(o.ToJsonString());
        return this;
    }

    /// <summary>Makes <paramref name="name"/> readable with <c>show-simple-cluster</c>, which answers <paramref name="reply"/>.</summary>
    public ManagementWorld AddSimpleCluster(string name, JsonObject reply)
    {
        _simpleClusters[name] = reply.ToJsonString();
        return this;
    }

    public string? SimpleCluster(string name) => _simpleClusters.GetValueOrDefault(name);

    internal static string Uid(int n) =>
        string.Create(CultureInfo.InvariantCulture, $"{n:x8}-e3c1-4b5a-9d2f-{n:x12}");
}
