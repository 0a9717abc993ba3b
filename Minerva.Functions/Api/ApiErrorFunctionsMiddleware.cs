using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Minerva.Service.Api;

namespace Minerva.Functions.Api;

/// <summary>
/// The Functions counterpart of the standalone host's ApiErrorMiddleware: a caller's mistake thrown by a handler
/// is answered with the API's JSON error instead of the Functions host's 500.
/// </summary>
internal sealed class ApiErrorFunctionsMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (Map(exception) is { } error && context.GetHttpContext() is { Response.HasStarted: false } http)
        {
            http.Response.Clear();
            await ApiResults.WriteErrorAsync(http, error);
        }
    }

    /// <summary>The worker may wrap what the function threw; the innermost API-meaningful exception decides.</summary>
    private static ApiException? Map(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (ApiErrorMapping.ToApiException(e) is { } error)
            {
                return error;
            }
        }

        return null;
    }
}
