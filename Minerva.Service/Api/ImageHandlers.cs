using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;
using Minerva.Service.Api.Models;
using Minerva.Service.Records;
using Minerva.Service.Storage;

namespace Minerva.Service.Api;

/// <summary>GET /image/{uuid} and the image's OME-Zarr objects, streamed read-only from S3.</summary>
public sealed class ImageHandlers(ApiKeys keys, IRecordStore records, IObjectStore objects, ImageLinks links)
{
    public async Task<IResult> GetAsync(HttpRequest request, string uuid, CancellationToken ct)
    {
        var image = await records.RequireImageAsync(keys.UserOf(request), uuid, ct);
        return ApiResults.Json(ImageResponse.From(image, links.UrlsFor(request, image)));
    }

    /// <summary>GET /image/{uuid}/zarr/{**path}: the image's OME-Zarr object at {path}, for the caller's own image.</summary>
    public async Task<IResult> ZarrAsync(HttpRequest request, string uuid, string? path, CancellationToken ct)
    {
        var image = await records.RequireImageAsync(keys.UserOf(request), uuid, ct);
        return await ZarrObjectAsync(request, image, path, ct);
    }

    /// <summary>
    /// The object at {location}/{path} (also for the image's signed link), honouring a single "bytes=a-b" or "bytes=a-"
    /// range (206), If-None-Match (304) and HEAD. An absent object is a 404, which zarr readers take as a missing
    /// (fill-value) chunk; an absent .zattrs is the empty attributes.
    /// </summary>
    internal async Task<IResult> ZarrObjectAsync(HttpRequest request, ImageRecord image, string? path, CancellationToken ct)
    {
        var relative = ZarrPath(path);
        var (from, to) = RequestedRange(request.GetTypedHeaders());
        var key = image.Location.TrimEnd('/') + "/" + relative;
        var content = await objects.GetAsync(key, from, to, ct: ct);
        if (content is null && Path.GetFileName(relative) == ".zattrs")
        {
            // Zarr v2 attributes are optional and absent ones are {}: answering so spares readers that ask every
            // array for its .zattrs (zarrita in viv and vizarr) a 404, which browsers log as an error.
            return Results.Text("{}", "application/json");
        }

        return content is null
            ? throw new ApiException(StatusCodes.Status404NotFound, "not_found", $"Image {image.Uuid} has no object '{relative}'.")
            : new ObjectStreamResult(content, from, ContentType(relative));
    }

    /// <summary>
    /// The path below the zarr root; empty, "." and ".." segments are refused so no key outside it can be named, and
    /// so is a path longer than <see cref="ApiLimits.ZarrPathLength"/> (no zarr object has one; S3 keys end at 1024 bytes).
    /// </summary>
    private static string ZarrPath(string? path)
    {
        path ??= "";
        if (path.Length > ApiLimits.ZarrPathLength)
        {
            throw ApiException.BadRequest("invalid_path", $"The zarr path has {path.Length} characters; at most {ApiLimits.ZarrPathLength} are accepted.");
        }

        var segments = path.Split('/');
        if (segments.Any(s => s is "" or "." or ".."))
        {
            throw ApiException.BadRequest("invalid_path", $"The zarr path '{ApiRequests.Quote(path)}' must be relative, without empty, '.' or '..' segments.");
        }

        return string.Join('/', segments);
    }

    /// <summary>
    /// One "bytes=a-b" or "bytes=a-" range; anything else (no header, several ranges, a suffix range, a malformed
    /// header) is answered with the whole object, which HTTP allows a server to do.
    /// </summary>
    private static (long? From, long? To) RequestedRange(RequestHeaders headers)
    {
        var range = headers.Range;
        if (range is null || !range.Unit.Equals("bytes", StringComparison.OrdinalIgnoreCase) || range.Ranges.Count != 1)
        {
            return (null, null);
        }

        var only = range.Ranges.Single();
        return only.From is { } from && (only.To is null || only.To >= from) ? (from, only.To) : (null, null);
    }

    internal static bool IsMetadata(string path) => Path.GetFileName(path) is ".zattrs" or ".zarray" or ".zgroup";

    private static string ContentType(string path) => IsMetadata(path) ? "application/json" : "application/octet-stream";

    /// <summary>Copies the object to the response: 200 whole, 206 with Content-Range for a range, 304 when the caller has it.</summary>
    private sealed class ObjectStreamResult(ObjectStream content, long? from, string contentType) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            await using var _ = content;
            var response = httpContext.Response;
            if (content.ETag is { } etag)
            {
                response.Headers.ETag = etag;
                if (httpContext.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Tag == etag))
                {
                    response.StatusCode = StatusCodes.Status304NotModified;
                    return;
                }
            }

            response.ContentType = contentType;
            response.ContentLength = content.Length;
            response.Headers.AcceptRanges = "bytes";
            if (from is { } start)
            {
                response.StatusCode = StatusCodes.Status206PartialContent;
                response.Headers.ContentRange = new ContentRangeHeaderValue(start, start + content.Length - 1, content.TotalLength).ToString();
            }

            if (!HttpMethods.IsHead(httpContext.Request.Method))
            {
                await content.Content.CopyToAsync(response.Body, httpContext.RequestAborted);
            }
        }
    }
}
