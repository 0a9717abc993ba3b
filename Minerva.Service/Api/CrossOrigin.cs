using Microsoft.AspNetCore.Http;

namespace Minerva.Service.Api;

/// <summary>
/// CORS for the image links, which web viewers on any origin (vizarr, neuroglancer, viv pages) read with fetch: any
/// origin, GET/HEAD with Range, and the headers zarr readers look at exposed.
/// </summary>
internal static class CrossOrigin
{
    private const string Methods = "GET, HEAD, OPTIONS";
    private const string Exposed = "Content-Length, Content-Range, Accept-Ranges, ETag";
    private const string DefaultAllowedHeaders = "Range, If-None-Match, If-Modified-Since";

    /// <summary>
    /// Adds the CORS headers when the response starts, so that every answer carries them, errors included: a 404 for
    /// an absent chunk must reach the reader as a 404 (a fill-value chunk), not as a CORS failure.
    /// </summary>
    public static void AllowAnyOrigin(HttpResponse response) =>
        response.OnStarting(() =>
        {
            response.Headers.AccessControlAllowOrigin = "*";
            response.Headers.AccessControlExposeHeaders = Exposed;
            return Task.CompletedTask;
        });

    /// <summary>The answer to a preflight (OPTIONS): the methods and the request headers (Range above all) allowed.</summary>
    public static IResult Preflight(HttpRequest request)
    {
        var requested = request.Headers.AccessControlRequestHeaders.ToString();
        var response = request.HttpContext.Response;
        response.Headers.AccessControlAllowMethods = Methods;
        response.Headers.AccessControlAllowHeaders = requested.Length > 0 ? requested : DefaultAllowedHeaders;
        response.Headers.AccessControlMaxAge = "86400";
        return Results.NoContent();
    }
}
