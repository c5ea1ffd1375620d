using Cdt.Fleet.Management;

namespace Cdt.Management;

/// <summary>
/// The Management API over HTTPS. Secrets come from the environment variables cdt.conf names, are
/// sent in the login body only, and are never kept; the session id lives in the session object.
/// </summary>
public sealed class ManagementClient(ManagementSettings settings, Func<string, string?> environment) : IManagementApi
{
    public async Task<IManagementSession> LoginAsync(CancellationToken ct)
    {
        var body = new LoginBody { Domain = settings.Domain };
        if (settings.ApiKeyEnv is { } keyEnv)
        {
            body.ApiKey = Secret(keyEnv);
        }
        else
        {
            body.User = settings.User;
            body.Password = Secret(settings.PasswordEnv!);
        }

        var certificates = new CertificateCheck(settings);
#pragma warning disable CA2000 // The session owns the client and disposes it after logout.
        var handler = new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, cert, _, errors) => certificates.Accept(cert as System.Security.Cryptography.X509Certificates.X509Certificate2, errors) },
        };
        var http = new HttpClient(handler) { Timeout = settings.Timeout };
#pragma warning restore CA2000
        var caller = new ApiCaller(http, settings, certificates);
        try
        {
            var reply = await caller.PostAsync("login", body, ManagementJsonContext.Default.LoginBody, ManagementJsonContext.Default.LoginReply, null, ct);
            if (string.IsNullOrEmpty(reply.Sid))
            {
                throw ManagementFault.Of(settings.Name, "login", "unexpected reply: no 'sid'");
            }

            return new ManagementSession(http, caller, settings, reply.Sid);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    private string Secret(string variable) =>
        environment(variable) is { Length: > 0 } value ? value
        : throw ManagementFault.Of(settings.Name, "login", $"the environment variable {variable} named in cdt.conf is not set");
}
