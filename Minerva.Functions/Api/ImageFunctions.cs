using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Minerva.Service.Api;

namespace Minerva.Functions.Api;

/// <summary>GET /image/{uuid} and the image's OME-Zarr objects.</summary>
public sealed class ImageFunctions(ImageHandlers handlers)
{
    [Function("GetImage")]
    public Task Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Image)] HttpRequest request, string uuid, CancellationToken ct) =>
        HttpAdapter.RespondAsync(request, () => handlers.GetAsync(request, uuid, ct));

    [Function("GetImageZarrObject")]
    public Task Zarr(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ImageZarr)] HttpRequest request,
        string uuid,
        string? path,
        CancellationToken ct) =>
        HttpAdapter.RespondAsync(request, () => handlers.ZarrAsync(request, uuid, path, ct));
}
