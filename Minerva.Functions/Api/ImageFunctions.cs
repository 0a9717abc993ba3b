using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Minerva.Service.Api;

namespace Minerva.Functions.Api;

/// <summary>Thin HTTP triggers over <see cref="ImageHandlers"/>.</summary>
public sealed class ImageFunctions(ImageHandlers handlers)
{
    [Function("GetImage")]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Image)] HttpRequest request, string uuid, CancellationToken ct) =>
        handlers.GetAsync(request, uuid, ct);

    [Function("GetImageZarr")]
    public Task<IResult> Zarr(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ImageZarr)] HttpRequest request, string uuid, string? path, CancellationToken ct) =>
        handlers.ZarrAsync(request, uuid, path, ct);
}
