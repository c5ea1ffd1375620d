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
        where TReply : class =>
        await SendAsync(call, body, bodyType, replyType, sid, notFoundIsNull: false, ct)
            ?? throw ManagementFault.Of(settings.Name, call, "unexpected reply: empty");

    /// <summary>As <see cref="PostAsync"/>, but an object the server does not find (HTTP 404) is null.</summary>
    public Task<TReply?> PostOrNullAsync<TBody, TReply>(string call, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TReply> replyType, string sid, CancellationToken ct)
        where TReply : class =>
        SendAsync(call, body, bodyType, replyType, sid, notFoundIsNull: true, ct);

    /// <summary>As <see cref="PostAsync"/>, but a failure comes back as a value with its kind instead of an exception.</summary>
    public async Task<ApiResult<TReply>> TryPostAsync<TBody, TReply>(string call, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TReply> replyType, string? sid, CancellationToken ct)
        where TReply : class
    {
        var result = await TrySendAsync(call, body, bodyType, replyType, sid, notFoundIsNull: false, ct);
        return result.Kind is null && result.Reply is null
            ? ApiResult<TReply>.Failed(ApiFailureKind.Unreadable, Line(call, "unexpected reply: empty"))
            : result;
    }

    private async Task<TReply?> SendAsync<TBody, TReply>(string call, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TReply> replyType, string? sid, bool notFoundIsNull, CancellationToken ct)
        where TReply : class
    {
        var result = await TrySendAsync(call, body, bodyType, replyType, sid, notFoundIsNull, ct);
        return result.Failure is { } failure ? throw new Diagnostics.CdtInputException(failure) : result.Reply;
    }

    private async Task<ApiResult<TReply>> TrySendAsync<TBody, TReply>(string call, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TReply> replyType, string? sid, bool notFoundIsNull, CancellationToken ct)
        where TReply : class
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
            return ApiResult<TReply>.Failed(ApiFailureKind.Certificate, Line(call, (certificates.Refusal ?? e.Message) + ": check 'fingerprint' or 'ca_file' in cdt.conf"));
        }
        catch (HttpRequestException e)
        {
            return ApiResult<TReply>.Failed(ApiFailureKind.NoAnswer, Line(call, "no answer (" + e.Message + ")"));
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return ApiResult<TReply>.Failed(ApiFailureKind.NoAnswer, Line(call, $"no answer within {settings.Timeout.TotalSeconds:0} s"));
        }

        using (response)
        {
            if (notFoundIsNull && response.StatusCode == HttpStatusCode.NotFound)
            {
                return ApiResult<TReply>.Ok(null);
            }

            if (!response.IsSuccessStatusCode)
            {
                var (kind, what) = await RefusalAsync(response, call, sid, ct);
                return ApiResult<TReply>.Failed(kind, Line(call, what));
            }

            try
            {
                return ApiResult<TReply>.Ok(await response.Content.ReadFromJsonAsync(replyType, ct));
            }
            catch (JsonException e)
            {
                return ApiResult<TReply>.Failed(ApiFailureKind.Unreadable, Line(call, $"unexpected reply: the JSON at {e.Path ?? "$"} is not what {call} returns"));
            }
        }
    }

    private string Line(string call, string what) => ManagementFault.Of(settings.Name, call, what).Message;

    private async Task<(ApiFailureKind Kind, string What)> RefusalAsync(HttpResponseMessage response, string call, string? sid, CancellationToken ct)
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

        // The server echoes a refused session id in its message; the id is a credential, so it goes.
        var message = sid is null ? error?.Message : error?.Message?.Replace(sid, "(session id)", StringComparison.Ordinal);
        var detail = message is not null ? $" ({error!.Code}: {message})" : string.Empty;
        var status = (int)response.StatusCode;
        var domain = settings.Domain is { } d ? $", the domain '{d}'" : string.Empty;
        return response.StatusCode switch
        {
            _ when call == "login" && status is >= 400 and < 500 => (ApiFailureKind.LoginRefused, $"login refused, HTTP {status}{detail}: check the user{domain} and the environment variables named in cdt.conf"),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => (ApiFailureKind.SessionRefused, $"the session was refused, HTTP {status}{detail}: it expired or was ended on the server; run again"),
            _ => (ApiFailureKind.Refused, $"HTTP {status}{detail}"),
        };
    }
}
