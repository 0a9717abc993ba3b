using Microsoft.AspNetCore.Mvc;
using Minerva.Service.Api;
using Minerva.Service.Orchestration;

namespace Minerva.Host.Api;

/// <summary>The HTTP API as minimal-API routes over the shared handlers of Minerva.Service.</summary>
public static class ApiEndpoints
{
    public static WebApplication MapMinervaApi(this WebApplication app)
    {
        app.UseMiddleware<ApiErrorMiddleware>();

        app.MapPost(ApiRoutes.Repositories, (RepositoryHandlers h, HttpRequest r, CancellationToken ct) => h.CreateAsync(r, ct));
        app.MapGet(ApiRoutes.Repositories, (RepositoryHandlers h, HttpRequest r, CancellationToken ct) => h.ListAsync(r, ct));
        app.MapGet(ApiRoutes.Repository, (RepositoryHandlers h, HttpRequest r, string uuid, CancellationToken ct) => h.GetAsync(r, uuid, ct));

        app.MapPost(ApiRoutes.Imports, (ImportHandlers h, HttpRequest r, [FromServices] IImportWorkflow w, CancellationToken ct) => h.CreateAsync(r, w, ct));
        app.MapGet(ApiRoutes.Imports, (ImportHandlers h, HttpRequest r, CancellationToken ct) => h.ListAsync(r, ct));
        app.MapPost(ApiRoutes.CheckImages, (CheckImagesHandler h, HttpRequest r, CancellationToken ct) => h.CheckAsync(r, ct));
        app.MapGet(ApiRoutes.Import, (ImportHandlers h, HttpRequest r, string uuid, [FromServices] IImportWorkflow w, CancellationToken ct) => h.GetAsync(r, uuid, w, ct));
        app.MapPut(ApiRoutes.Import, (ImportHandlers h, HttpRequest r, string uuid, [FromServices] IImportWorkflow w, CancellationToken ct) => h.CompleteAsync(r, uuid, w, ct));
        app.MapDelete(ApiRoutes.Import, (ImportCancellationHandler h, HttpRequest r, string uuid, [FromServices] IImportWorkflow w, CancellationToken ct) => h.CancelAsync(r, uuid, w, ct));
        app.MapGet(ApiRoutes.ImportCredentials, (ImportHandlers h, HttpRequest r, string uuid, CancellationToken ct) => h.CredentialsAsync(r, uuid, ct));
        app.MapGet(ApiRoutes.ImportFilesets, (ImportHandlers h, HttpRequest r, string uuid, [FromServices] IImportWorkflow w, CancellationToken ct) => h.FilesetsAsync(r, uuid, w, ct));
        app.MapGet(ApiRoutes.ImportOrchestration, (ImportHandlers h, HttpRequest r, string uuid, [FromServices] IImportWorkflow w, CancellationToken ct) => h.OrchestrationAsync(r, uuid, w, ct));
        app.MapPost(ApiRoutes.ImportFiles, (FileUploadHandler h, HttpRequest r, string uuid, CancellationToken ct) => h.UploadAsync(r, uuid, ct));

        app.MapGet(ApiRoutes.Image, (ImageHandlers h, HttpRequest r, string uuid, CancellationToken ct) => h.GetAsync(r, uuid, ct));
        app.MapGet(ApiRoutes.ImageZarr, (ImageHandlers h, HttpRequest r, string uuid, string? path, CancellationToken ct) => h.ZarrAsync(r, uuid, path, ct));
        app.MapSharedImages();

        // Where the links of POST/PUT /import point, and where the Durable extension itself serves them.
        app.MapDurableInstances();
        app.MapGroup(ApiRoutes.DurableExtensionPrefix).MapDurableInstances();

        // "{*path}", not MapFallback's default "{*path:nonfile}": paths that look like files (/favicon.ico, a zarr key
        // outside /image/{uuid}/zarr/ once Kestrel has resolved "..") get the same JSON 404 as any other unknown route.
        app.MapFallback("{*path}", (HttpRequest r) => ApiResults.Error(
            StatusCodes.Status404NotFound, "no_route", $"{r.Method} {ApiRequests.Quote(r.Path.ToString())} is not a route of this API."));
        return app;
    }
}
