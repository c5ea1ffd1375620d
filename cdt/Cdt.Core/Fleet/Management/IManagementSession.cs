namespace Cdt.Fleet.Management;

/// <summary>A logged-in Management API session; <see cref="IAsyncDisposable.DisposeAsync"/> logs out, whatever happened.</summary>
public interface IManagementSession : IAsyncDisposable
{
    /// <summary><c>show-gateways-and-servers</c> with <c>details-level full</c>; <paramref name="offset"/> is 0-based.</summary>
    Task<ManagementPage> ShowGatewaysAndServersAsync(int offset, int limit, CancellationToken ct);

    /// <summary><c>show-simple-cluster</c>; null when the server cannot show the object as a simple cluster.</summary>
    Task<SimpleCluster?> ShowSimpleClusterAsync(string name, CancellationToken ct);
}
