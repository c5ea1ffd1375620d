using System.Net;
using System.Net.Http.Json;
using System.Security.Authentication;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cdt.Fleet.Management;

namespace Cdt.Management;

/// <summary>
/// One <c>POST /web_api/&lt;call&gt;</c>: every way it can fail (no answer, a refused certificate, an
/// error status, a reply that is not the expected JSON) becomes one line naming the server and the
/// call. The session id goes in a header and nowhere else.
/// </summary>
public sealed class ApiCaller(HttpClient http, ManagementSettings settings, CertificateCheck certificates)
{
    public async Task<TReply> PostAsync<TBody, TReply>(string call, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TReply> replyType, string? sid, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.Server, "web_api/" + call))
        {
            Content = JsonContent.Create(body, bodyType),
        };
        if (sid is not null)
        {
            request.Headers.Add("X-chkp-sid", sid);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException e) when (e.InnerException is AuthenticationException || certificates.Refusal is not null)
        {
            throw ManagementFault.Of(settings.Name, call, (certificates.Refusal ?? e.Message) + ": check 'fingerprint' or 'ca_file' in cdt.conf");
        }
        catch (HttpRequestException e)
        {
            throw ManagementFault.Of(settings.Name, call, "no answer (" + e.Message + ")");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw ManagementFault.Of(settings.Name, call, $"no answer within {settings.Timeout.TotalSeconds:0} s");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw ManagementFault.Of(settings.Name, call, await RefusalAsync(response, call, ct));
            }

            try
            {
                return await response.Content.ReadFromJsonAsync(replyType, ct)
                    ?? throw ManagementFault.Of(settings.Name, call, "unexpected reply: empty");
            }
            catch (JsonException e)
            {
                throw ManagementFault.Of(settings.Name, call, "unexpected reply: " + e.Message);
            }
        }
    }

    private static async Task<string> RefusalAsync(HttpResponseMessage response, string call, CancellationToken ct)
    {
        ErrorReply? error = null;
        try
        {
            error = await response.Content.ReadFromJsonAsync(ManagementJsonContext.Default.ErrorReply, ct);
        }
        catch (JsonException)
        {
            // The status alone still says what happened.
        }

        var detail = error?.Message is { } m ? $" ({error.Code}: {m})" : string.Empty;
        var status = (int)response.StatusCode;
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden when call == "login" => $"login refused, HTTP {status}{detail}: check the user and the environment variables named in cdt.conf",
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => $"the session was refused, HTTP {status}{detail}: it expired or was ended on the server; run again",
            _ => $"HTTP {status}{detail}",
        };
    }
}
