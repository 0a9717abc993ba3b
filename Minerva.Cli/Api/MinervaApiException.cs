using System.Net;
using System.Text.Json;

namespace Minerva.Cli.Api;

/// <summary>An error answer of the Minerva API: its HTTP status, its <c>error</c> code and its <c>detail</c> sentence.</summary>
internal sealed class MinervaApiException(HttpStatusCode status, string error, string detail) : Exception(detail)
{
    public HttpStatusCode Status { get; } = status;

    public string Error { get; } = error;

    public string Detail { get; } = detail;

    /// <summary>True for the caller's mistakes (4xx): bad key, unknown uuid, wrong state, unusable input.</summary>
    public bool IsCallerError => (int)Status is >= 400 and < 500;

    /// <summary>Reads the API's <c>{"error","detail"}</c> body; a body that is not one still yields a readable sentence.</summary>
    public static MinervaApiException FromAnswer(HttpStatusCode status, string body, string request)
    {
        if (TryReadErrorBody(body, out var error, out var detail))
        {
            return new MinervaApiException(status, error, detail);
        }

        var fallback = status == HttpStatusCode.Unauthorized
            ? "the service did not accept the API key (check --api-key or MINERVA_API_KEY)"
            : $"the service answered {(int)status} {status} to {request}";
        return new MinervaApiException(status, status.ToString(), fallback);
    }

    private static bool TryReadErrorBody(string body, out string error, out string detail)
    {
        error = detail = "";
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("detail", out var detailElement)
                || detailElement.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            detail = detailElement.GetString()!;
            error = root.TryGetProperty("error", out var errorElement) && errorElement.ValueKind == JsonValueKind.String
                ? errorElement.GetString()!
                : "";
            return detail.Length > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
