using Microsoft.AspNetCore.Http;
using Minerva.Service.Records;
using Minerva.Service.Storage;

namespace Minerva.Service.Api;

/// <summary>
/// What an image's signed link opens without the API key (<see cref="ImageLinks"/>): its OME-Zarr, read-only, for any
/// web viewer (CORS), and its viewer page. An altered or expired link is a 403, a removed image a 404.
/// </summary>
public sealed class SharedImageHandlers(ImageLinks links, IRecordStore records, ImageHandlers images, ViewerPage page, TimeProvider clock)
{
    /// <summary>Metadata may change if the image is replaced or removed: readers look again after a minute.</summary>
    private const string MetadataCaching = "public, max-age=60";

    private static readonly TimeSpan LongestCaching = TimeSpan.FromDays(365);

    /// <summary>GET, HEAD and OPTIONS of shared/{uuid}/{token}/zarr/{**path}: as GET /image/{uuid}/zarr/{path}, plus CORS and caching.</summary>
    public async Task<IResult> ZarrAsync(HttpRequest request, string uuid, string token, string? path, CancellationToken ct)
    {
        CrossOrigin.AllowAnyOrigin(request.HttpContext.Response);
        if (HttpMethods.IsOptions(request.Method))
        {
            return CrossOrigin.Preflight(request);
        }

        var (link, image) = await OpenAsync(uuid, token, ct);
        request.HttpContext.Response.Headers.CacheControl = ImageHandlers.IsMetadata(path ?? "")
            ? MetadataCaching
            : ChunkCaching(link);
        return await images.ZarrObjectAsync(request, image, path, ct);
    }

    /// <summary>GET shared/{uuid}/{token}/view: the viewer page of the image.</summary>
    public async Task<IResult> ViewerAsync(HttpRequest request, string uuid, string token, CancellationToken ct)
    {
        var (link, image) = await OpenAsync(uuid, token, ct);
        return page.Render(request, image, link);
    }

    private async Task<(ImageLink Link, ImageRecord Image)> OpenAsync(string uuid, string token, CancellationToken ct)
    {
        var link = links.Verify(uuid, token);
        var image = await records.GetImageAsync(link.Owner, link.ImageUuid, ct)
            ?? throw new ApiException(StatusCodes.Status404NotFound, "not_found", $"Image {uuid}, which this link opens, has been removed.");
        return (link, image);
    }

    /// <summary>A chunk never changes under its image: it may be kept for as long as the link opens (at most a year).</summary>
    private string ChunkCaching(ImageLink link)
    {
        var left = link.Expires - clock.GetUtcNow();
        var seconds = (long)(left < LongestCaching ? left : LongestCaching).TotalSeconds;
        return $"public, max-age={seconds}, immutable";
    }
}
