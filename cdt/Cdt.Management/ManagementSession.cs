using System.Text.Json.Serialization.Metadata;
using Cdt.Fleet.Management;

namespace Cdt.Management;

/// <summary>A logged-in session; disposing it logs out (a failed logout only ends the session sooner on the server's side, so it is not an error).</summary>
public sealed class ManagementSession(HttpClient http, ApiCaller caller, ManagementSettings settings, string sid) : IManagementSession
{
    private const string ListCall = "show-gateways-and-servers";
    private const string ClusterCall = "show-simple-cluster";

    public async Task<ManagementPage> ShowGatewaysAndServersAsync(int offset, int limit, CancellationToken ct)
    {
        var reply = await caller.PostAsync(ListCall, new PageBody { Offset = offset, Limit = limit }, ManagementJsonContext.Default.PageBody, ManagementJsonContext.Default.PageReply, sid, ct);
        if (reply.Total is not { } total || reply.Objects is not { } objects)
        {
            throw ManagementFault.Of(settings.Name, ListCall, "unexpected reply: no 'total' or 'objects'");
        }

        var list = new List<ManagementObject>(objects.Count);
        foreach (var o in objects)
        {
            if (o.Name is null || o.Type is null)
            {
                throw ManagementFault.Of(settings.Name, ListCall, "unexpected reply: an object without 'name' or 'type'");
            }

            list.Add(new ManagementObject
            {
                Name = o.Name,
                Type = o.Type,
                Ipv4Address = o.Ipv4Address,
                Version = o.Version,
                Hardware = o.Hardware,
                ClusterMemberNames = o.ClusterMemberNames ?? [],
                PolicyPackage = o.Policy?.AccessPolicyName ?? o.Policy?.ThreatPolicyName,
            });
        }

        return new ManagementPage(reply.From ?? 0, reply.To ?? 0, total, list);
    }

    public async Task<SimpleCluster?> ShowSimpleClusterAsync(string name, CancellationToken ct)
    {
        var reply = await caller.PostOrNullAsync(ClusterCall, new NameBody { Name = name }, ManagementJsonContext.Default.NameBody, ManagementJsonContext.Default.ClusterReply, sid, ct);
        return reply?.ClusterMode is { } mode
            ? new SimpleCluster(mode, (reply.ClusterMembers ?? []).Select(m => m.Name).OfType<string>().ToList())
            : null;
    }

    /// <summary>Any call in this session, its failure as a value: the gateway calls of the remote shell.</summary>
    public Task<ApiResult<TReply>> TryPostAsync<TBody, TReply>(string call, TBody body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<TBody> bodyType, System.Text.Json.Serialization.Metadata.JsonTypeInfo<TReply> replyType, CancellationToken ct)
        where TReply : class =>
        caller.TryPostAsync(call, body, bodyType, replyType, sid, ct);

    /// <summary>Another call in this session, for the adapters beside the inventory (policy installation).</summary>
    internal Task<TReply> PostAsync<TBody, TReply>(string call, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TReply> replyType, CancellationToken ct)
        where TReply : class =>
        caller.PostAsync(call, body, bodyType, replyType, sid, ct);

    /// <summary>As <see cref="PostAsync"/>, but an object the server does not find (HTTP 404) is null.</summary>
    internal Task<TReply?> PostOrNullAsync<TBody, TReply>(string call, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TReply> replyType, CancellationToken ct)
        where TReply : class =>
        caller.PostOrNullAsync(call, body, bodyType, replyType, sid, ct);

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(settings.Timeout);
            await caller.PostAsync("logout", new EmptyBody(), ManagementJsonContext.Default.EmptyBody, ManagementJsonContext.Default.EmptyBody, sid, timeout.Token);
        }
        catch (Exception e) when (e is Diagnostics.CdtInputException or OperationCanceledException)
        {
            // Logging out is a courtesy: the server ends an idle session after its own time-out.
        }
        finally
        {
            http.Dispose();
        }
    }
}
