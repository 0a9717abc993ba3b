namespace Minerva.Service.Api;

/// <summary>A caller's mistake, answered as <c>{"error": code, "detail": detail}</c> with a 4xx status.</summary>
public sealed class ApiException(int status, string code, string detail) : Exception(detail)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public static ApiException BadRequest(string code, string detail) => new(400, code, detail);

    public static ApiException NotFound(string what, string uuid) => new(404, "not_found", $"No {what} {uuid} exists for this API key.");

    public static ApiException Conflict(string detail) => new(409, "wrong_state", detail);
}
