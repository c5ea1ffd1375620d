using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cdt.ManagementEmulator;

/// <summary>
/// A Management API server on loopback: Kestrel over HTTPS with a certificate made at start,
/// <c>POST /web_api/&lt;command&gt;</c> answered from a <see cref="ManagementWorld"/>, faults switched
/// on through <see cref="Faults"/>, and every call counted in <see cref="Counters"/>.
/// </summary>
public sealed class ManagementEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate;
    private readonly ApiHandler _handler;

    private ManagementEmulator(WebApplication app, X509Certificate2 certificate, Uri server, ApiHandler handler)
    {
        _app = app;
        _certificate = certificate;
        _handler = handler;
        Server = server;
    }

    /// <summary>The base address cdt.conf's <c>server</c> takes, such as <c>https://127.0.0.1:40123/</c>.</summary>
    public Uri Server { get; }

    /// <summary>The pin of this run's certificate, as cdt.conf's <c>fingerprint</c> takes it.</summary>
    public string Fingerprint => SelfSignedCertificate.Fingerprint(_certificate);

    /// <summary>The certificate as PEM, for cdt.conf's <c>ca_file</c> (it signs itself).</summary>
    public string CertificatePem => _certificate.ExportCertificatePem();

    public EmulatorFaults Faults => _handler.Faults;

    public EmulatorCounters Counters => _handler.Counters;

    /// <summary>Policy installations: their faults and how many each target got.</summary>
    public PolicyInstallations Policies => _handler.Policies;

    /// <summary>Sessions logged in and neither logged out nor expired.</summary>
    public int OpenSessions => _handler.OpenSessions;

    /// <param name="gateways">The gateways <c>run-script</c>, <c>put-file</c> and <c>show-task</c> act on; none when null.</param>
    public static async Task<ManagementEmulator> StartAsync(ManagementWorld world, ManagementCredentials credentials, GatewayWorld? gateways = null, CancellationToken ct = default)
    {
        var certificate = SelfSignedCertificate.ForLoopback();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        var app = builder.Build();
        var handler = new ApiHandler(world, credentials);
        handler.Gateways = gateways is null ? null : new GatewayEndpoints(gateways, handler.Faults, handler.Counters);
        app.MapPost("/web_api/{command}", (HttpContext http, string command) => handler.Faults.Silent ? SilenceAsync(http.RequestAborted) : handler.HandleAsync(http, command));
        await app.StartAsync(ct);
        var server = new Uri(app.Urls.Single().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        return new ManagementEmulator(app, certificate, server, handler);
    }

    /// <summary>A server that stopped answering: the request is held until the client gives up (or the emulator stops).</summary>
    private static async Task SilenceAsync(CancellationToken aborted)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, aborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _certificate.Dispose();
    }
}
