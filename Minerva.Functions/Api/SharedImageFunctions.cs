using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Minerva.Service.Api;

namespace Minerva.Functions.Api;

/// <summary>What an image's signed link opens without the API key (its OME-Zarr and viewer page), and the viewer's assets.</summary>
public sealed class SharedImageFunctions(SharedImageHandlers handlers, ViewerPage page)
{
    [Function("GetSharedImageZarrObject")]
    public Task Zarr(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = ApiRoutes.SharedZarr)] HttpRequest request,
        string uuid,
        string token,
        string? path,
        CancellationToken ct) =>
        HttpAdapter.RespondAsync(request, () => handlers.ZarrAsync(request, uuid, token, path, ct));

    [Function("GetSharedImageViewer")]
    public Task Viewer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.SharedViewer)] HttpRequest request,
        string uuid,
        string token,
        CancellationToken ct) =>
        HttpAdapter.RespondAsync(request, () => handlers.ViewerAsync(request, uuid, token, ct));

    [Function("GetViewerAsset")]
    public Task Asset([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ViewerAssets)] HttpRequest request, string? path) =>
        HttpAdapter.RespondAsync(request, () => Task.FromResult(page.Asset(request, path)));
}
