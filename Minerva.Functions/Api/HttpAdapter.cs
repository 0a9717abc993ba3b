using Microsoft.AspNetCore.Http;
using Minerva.Service.Api;

namespace Minerva.Functions.Api;

/// <summary>
/// Runs a shared handler inside a Functions HTTP trigger (ASP.NET Core integration): the handler's IResult is
/// written to the request's own HttpContext, and caller mistakes become the API's JSON errors, exactly as the
/// standalone host's middleware does.
/// </summary>
internal static class HttpAdapter
{
    public static async Task RespondAsync(HttpRequest request, Func<Task<IResult>> handler)
    {
        IResult result;
        try
        {
            result = await handler();
        }
        catch (Exception exception) when (ApiErrorMapping.ToApiException(exception) is { } error)
        {
            result = ApiResults.Error(error);
        }

        await result.ExecuteAsync(request.HttpContext);
    }
}
