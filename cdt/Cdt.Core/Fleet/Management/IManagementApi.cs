namespace Cdt.Fleet.Management;

/// <summary>
/// The port to a Check Point Management API server. Every failure (no answer, refused login, a
/// certificate that does not match, an unexpected reply) comes back as a
/// <see cref="Diagnostics.CdtInputException"/> naming the server and the call.
/// </summary>
public interface IManagementApi
{
    /// <summary>Logs in; disposing the session logs out.</summary>
    Task<IManagementSession> LoginAsync(CancellationToken ct);
}
