using Minerva.Service.Api;

namespace Minerva.Host.Api;

/// <summary>What an image's signed link opens without the API key (its OME-Zarr and viewer page), and the viewer's assets.</summary>
public static class SharedImageEndpoints
{
    public static WebApplication MapSharedImages(this WebApplication app)
    {
        app.MapMethods(
            ApiRoutes.SharedZarr,
            [HttpMethods.Get, HttpMethods.Head, HttpMethods.Options],
            (SharedImageHandlers h, HttpRequest r, string uuid, string token, string? path, CancellationToken ct) => h.ZarrAsync(r, uuid, token, path, ct));
        app.MapGet(ApiRoutes.SharedViewer, (SharedImageHandlers h, HttpRequest r, string uuid, string token, CancellationToken ct) => h.ViewerAsync(r, uuid, token, ct));
        app.MapGet(ApiRoutes.ViewerAssets, (ViewerPage p, HttpRequest r, string? path) => p.Asset(r, path));
        return app;
    }
}
