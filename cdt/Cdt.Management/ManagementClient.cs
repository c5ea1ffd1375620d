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
        var (session, failure) = await TryLoginAsync(ct);
        return session ?? throw new Diagnostics.CdtInputException(failure!.Failure!);
    }

    /// <summary>As <see cref="LoginAsync"/>, but a failure comes back as a value with its kind (an unset variable counts as a refused login).</summary>
    public async Task<(ManagementSession? Session, ApiResult<LoginReply>? Failure)> TryLoginAsync(CancellationToken ct)
    {
        var body = new LoginBody { Domain = settings.Domain };
        var variable = settings.ApiKeyEnv ?? settings.PasswordEnv!;
        if (environment(variable) is not { Length: > 0 } secret)
        {
            return (null, ApiResult<LoginReply>.Failed(ApiFailureKind.LoginRefused, ManagementFault.Of(settings.Name, "login", $"the environment variable {variable} named in cdt.conf is not set").Message));
        }

        if (settings.ApiKeyEnv is not null)
        {
            body.ApiKey = secret;
        }
        else
        {
            body.User = settings.User;
            body.Password = secret;
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
        var reply = await caller.TryPostAsync("login", body, ManagementJsonContext.Default.LoginBody, ManagementJsonContext.Default.LoginReply, null, ct);
        if (reply.Failure is null && string.IsNullOrEmpty(reply.Reply!.Sid))
        {
            reply = ApiResult<LoginReply>.Failed(ApiFailureKind.Unreadable, ManagementFault.Of(settings.Name, "login", "unexpected reply: no 'sid'").Message);
        }

        if (reply.Failure is not null)
        {
            http.Dispose();
            return (null, reply);
        }

        return (new ManagementSession(http, caller, settings, reply.Reply!.Sid!), null);
    }
}
