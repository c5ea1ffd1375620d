using Cdt.Fleet;
using Cdt.Transport;

namespace Cdt.Gaia;

/// <summary>
/// Refreshes what the inventory says about a gateway by asking it: version, installed packages and
/// (for cluster members) its current role. Used by generate; bounded parallelism across the fleet.
/// </summary>
public sealed class GatewayProber
{
    private readonly GaiaDriver _driver;

    public GatewayProber(GaiaDriver driver)
    {
        _driver = driver;
    }

    public async Task<IReadOnlyDictionary<string, ProbeResult>> ProbeAllAsync(FleetInventory inventory, int maxParallel, CancellationToken ct)
    {
        var results = new Dictionary<string, ProbeResult>(StringComparer.Ordinal);
        using var gate = new SemaphoreSlim(Math.Max(1, maxParallel));
        var tasks = inventory.Gateways.Where(g => g.NotApplicable is null).Select(async g =>
        {
            await gate.WaitAsync(ct);
            try
            {
                var r = await ProbeAsync(g, inventory.ClusterOf(g), ct);
                lock (results)
                {
                    results[g.Name] = r;
                }
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        await Task.WhenAll(tasks);
        return results;
    }

    public async Task<ProbeResult> ProbeAsync(Gateway g, Cluster? cluster, CancellationToken ct)
    {
        var t = Target.From(g);
        var version = await _driver.VersionAsync(t, ct);
        if (version.TransportFailed)
        {
            return new ProbeResult { Reachable = false, Error = version.Raw!.Describe() };
        }

        var installed = await _driver.PackagesAsync(t, PackageListing.Installed, ct);
        MemberState? state = null;
        if (cluster is { Kind: ClusterKind.ClusterXlHa or ClusterKind.VsxVsls })
        {
            var cs = await _driver.ClusterStateAsync(t, ct);
            if (cs.Value?.Local is { } local)
            {
                state = (cluster.Kind, local.IsActive) switch
                {
                    (ClusterKind.VsxVsls, true) => MemberState.VslsActiveMember,
                    (ClusterKind.VsxVsls, false) => MemberState.VslsMember,
                    (_, true) => MemberState.Active,
                    _ => local.IsStandby ? MemberState.Standby : MemberState.Down,
                };
            }
        }
        else if (cluster is { Kind: ClusterKind.Vrrp })
        {
            var vrrp = await _driver.VrrpAsync(t, ct);
            if (vrrp.Value is { } v)
            {
                state = v.Master > 0 ? MemberState.Master : v.Backup > 0 ? MemberState.Backup : MemberState.Down;
            }
        }

        // An unreadable answer keeps the inventory's value: the gateway is reachable, and
        // execute reads the live state again before it touches anything.
        return new ProbeResult
        {
            Reachable = true,
            Version = version.Value,
            Installed = installed.Value?.Select(p => p.Name).ToList(),
            State = state,
            Error = version.Error ?? installed.Error,
        };
    }
}
