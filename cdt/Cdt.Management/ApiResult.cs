namespace Cdt.Management;

/// <summary>A call's reply, or why there is none: <see cref="Failure"/> is one line naming the server and the call.</summary>
public sealed record ApiResult<TReply>(TReply? Reply, ApiFailureKind? Kind, string? Failure)
    where TReply : class
{
    public static ApiResult<TReply> Ok(TReply? reply) => new(reply, null, null);

    public static ApiResult<TReply> Failed(ApiFailureKind kind, string failure) => new(null, kind, failure);
}
