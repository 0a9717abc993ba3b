using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Minerva.Service.Records;
using Minerva.Viewer;

namespace Minerva.Service.Api;

/// <summary>
/// The viewer page of one image and the page's static assets (the bundle embedded in Minerva.Viewer). The page is the
/// bundle's template with a &lt;base href&gt; at the service's viewer assets and the image's description (name,
/// signed OME-Zarr URL, expiry) as JSON, which the page's script reads.
/// </summary>
public sealed class ViewerPage(ImageLinks links)
{
    /// <summary>The route prefix of the page's assets: <c>viewer/{**path}</c>.</summary>
    public const string AssetsPrefix = "viewer";

    private static readonly ViewerBundle Bundle = ViewerBundle.Embedded;

    /// <summary>Hashed file names: an asset under assets/ never changes, so browsers keep it for a year.</summary>
    private const string ImmutableCaching = "public, max-age=31536000, immutable";

    // The default encoder escapes '<', '>' and '&', so no name can close the <script> element it sits in.
    private static readonly JsonSerializerOptions Json = new(ApiJson.Options) { Encoder = JavaScriptEncoder.Default };

    public IResult Render(HttpRequest request, ImageRecord image, ImageLink link)
    {
        var urls = links.UrlsFor(request, link);
        var description = JsonSerializer.Serialize(new PageImage(image.Uuid, image.Name, urls.ZarrUrl, link.Expires), Json);
        var head = $"""<base href="{HtmlEncoder.Default.Encode($"{links.BaseUrl(request)}/{AssetsPrefix}/")}"><script id="minerva-image" type="application/json">{description}</script>""";
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return Results.Content(Bundle.Page.Replace(ViewerBundle.Placeholder, head, StringComparison.Ordinal), "text/html; charset=utf-8");
    }

    /// <summary>GET viewer/{**path}: one of the page's scripts or style sheets; 304 when the caller has it.</summary>
    public IResult Asset(HttpRequest request, string? path)
    {
        var file = Bundle.Asset(path ?? "")
            ?? throw new ApiException(StatusCodes.Status404NotFound, "not_found", $"The viewer has no file '{path}'.");
        var response = request.HttpContext.Response;
        response.Headers.ETag = file.ETag;
        response.Headers.CacheControl = file.Path.StartsWith("assets/", StringComparison.Ordinal) ? ImmutableCaching : "no-cache";
        return request.GetTypedHeaders().IfNoneMatch.Any(t => t.Tag == file.ETag)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(file.Content, ContentType(file.Path));
    }

    private static string ContentType(string path) => Path.GetExtension(path) switch
    {
        ".js" or ".mjs" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".wasm" => "application/wasm",
        ".svg" => "image/svg+xml",
        ".json" or ".map" => "application/json",
        _ => "application/octet-stream",
    };

    private sealed record PageImage(string Uuid, string Name, string ZarrUrl, DateTimeOffset Expires);
}
