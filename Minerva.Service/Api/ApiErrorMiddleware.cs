using Microsoft.AspNetCore.Http;

namespace Minerva.Service.Api;

/// <summary>Answers a caller's mistake thrown anywhere in a request with the API's JSON error.</summary>
public sealed class ApiErrorMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted && ApiErrorMapping.ToApiException(exception) is { } error)
        {
            context.Response.Clear();
            await ApiResults.WriteErrorAsync(context, error);
        }
    }
}
