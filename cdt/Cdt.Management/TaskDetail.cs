using System.Text.Json.Serialization;

namespace Cdt.Management;

/// <summary>A task's result on one gateway; <c>responseMessage</c> is the script's output in base64.</summary>
public sealed class TaskDetail
{
    [JsonPropertyName("statusCode")] public string? StatusCode { get; set; }

    [JsonPropertyName("statusDescription")] public string? StatusDescription { get; set; }

    [JsonPropertyName("gatewayName")] public string? GatewayName { get; set; }

    [JsonPropertyName("responseMessage")] public string? ResponseMessage { get; set; }
}
