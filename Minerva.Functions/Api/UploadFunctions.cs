using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Minerva.Service.Api;

namespace Minerva.Functions.Api;

/// <summary>Thin HTTP triggers over the content-addressed upload handlers and the import's read-only views.</summary>
public sealed class UploadFunctions(ImportHandlers imports, FileUploadHandler files, CheckImagesHandler checkImages)
{
    [Function("CheckImages")]
    public Task<IResult> CheckImages(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.CheckImages)] HttpRequest request, CancellationToken ct) =>
        checkImages.CheckAsync(request, ct);

    [Function("UploadImportFiles")]
    public Task<IResult> UploadFiles(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.ImportFiles)] HttpRequest request, string uuid, CancellationToken ct) =>
        files.UploadAsync(request, uuid, ct);

    [Function("GetImportCredentials")]
    public Task<IResult> Credentials(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ImportCredentials)] HttpRequest request, string uuid, CancellationToken ct) =>
        imports.CredentialsAsync(request, uuid, ct);

    [Function("GetImport")]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Import)] HttpRequest request, string uuid, CancellationToken ct) =>
        imports.GetAsync(request, uuid, ct);

    [Function("GetImportFilesets")]
    public Task<IResult> Filesets(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ImportFilesets)] HttpRequest request, string uuid, CancellationToken ct) =>
        imports.FilesetsAsync(request, uuid, ct);
}
