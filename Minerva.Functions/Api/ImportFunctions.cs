using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Minerva.Service.Api;

namespace Minerva.Functions.Api;

/// <summary>The /import routes.</summary>
public sealed class ImportFunctions(
    ImportHandlers imports, ImportCancellationHandler cancellation, FileUploadHandler files, CheckImagesHandler checkImages, WorkflowFactory workflows)
{
    [Function("CreateImport")]
    public Task Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Imports)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct) =>
        HttpAdapter.RespondAsync(request, () => imports.CreateAsync(request, workflows.For(client), ct));

    [Function("ListImports")]
    public Task List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Imports)] HttpRequest request, CancellationToken ct) =>
        HttpAdapter.RespondAsync(request, () => imports.ListAsync(request, ct));

    [Function("GetImport")]
    public Task Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Import)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string uuid,
        CancellationToken ct) =>
        HttpAdapter.RespondAsync(request, () => imports.GetAsync(request, uuid, workflows.For(client), ct));

    [Function("CompleteImport")]
    public Task Complete(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.Import)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string uuid,
        CancellationToken ct) =>
        HttpAdapter.RespondAsync(request, () => imports.CompleteAsync(request, uuid, workflows.For(client), ct));

    [Function("CancelImport")]
    public Task Cancel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.Import)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string uuid,
        CancellationToken ct) =>
        HttpAdapter.RespondAsync(request, () => cancellation.CancelAsync(request, uuid, workflows.For(client), ct));

    [Function("GetImportCredentials")]
    public Task Credentials(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ImportCredentials)] HttpRequest request, string uuid, CancellationToken ct) =>
        HttpAdapter.RespondAsync(request, () => imports.CredentialsAsync(request, uuid, ct));

    [Function("ListImportFilesets")]
    public Task Filesets(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ImportFilesets)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string uuid,
        CancellationToken ct) =>
        HttpAdapter.RespondAsync(request, () => imports.FilesetsAsync(request, uuid, workflows.For(client), ct));

    [Function("GetImportOrchestration")]
    public Task Orchestration(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ImportOrchestration)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string uuid,
        CancellationToken ct) =>
        HttpAdapter.RespondAsync(request, () => imports.OrchestrationAsync(request, uuid, workflows.For(client), ct));

    [Function("UploadImportFiles")]
    public Task Files(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.ImportFiles)] HttpRequest request, string uuid, CancellationToken ct) =>
        HttpAdapter.RespondAsync(request, () => files.UploadAsync(request, uuid, ct));

    [Function("CheckImages")]
    public Task Check([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.CheckImages)] HttpRequest request, CancellationToken ct) =>
        HttpAdapter.RespondAsync(request, () => checkImages.CheckAsync(request, ct));
}
