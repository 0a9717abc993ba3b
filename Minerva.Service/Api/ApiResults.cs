using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Minerva.Service.Api;

/// <summary>The one JSON writer of the API: answers and errors alike.</summary>
public static class ApiResults
{
    public static IResult Json(object value, int status = StatusCodes.Status200OK, string? location = null) =>
        new JsonBodyResult(value, status, location, ApiJson.Options);

    public static IResult Json(object value, JsonSerializerOptions options, int status = StatusCodes.Status200OK, string? location = null) =>
        new JsonBodyResult(value, status, location, options);

    public static IResult Error(int status, string code, string detail) =>
        new JsonBodyResult(new ErrorBody(code, detail), status, null, ApiJson.Options);

    public static IResult Error(ApiException e) => Error(e.Status, e.Code, e.Message);

    /// <summary>Writes an error straight to a response (for middleware, where no IResult pipeline runs).</summary>
    public static Task WriteErrorAsync(HttpContext context, ApiException e) => Error(e).ExecuteAsync(context);

    private sealed record ErrorBody(string Error, string Detail);

    private sealed class JsonBodyResult(object value, int status, string? location, JsonSerializerOptions options) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            if (location is not null)
            {
                response.Headers.Location = location;
            }

            return response.WriteAsJsonAsync(value, value.GetType(), options, contentType: "application/json; charset=utf-8", httpContext.RequestAborted);
        }
    }
}
