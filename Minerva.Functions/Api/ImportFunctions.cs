using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Minerva.Service.Api;

namespace Minerva.Functions.Api;

/// <summary>Thin HTTP triggers for the routes that drive the import's orchestration.</summary>
public sealed class ImportFunctions(ImportHandlers imports, ImportCancellationHandler cancellation, ImportWorkflows workflows)
{
    [Function("CreateImport")]
    public Task<IResult> Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Imports)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct) =>
        imports.CreateAsync(request, workflows.For(client), ct);

    [Function("CompleteImportUpload")]
    public Task<IResult> Complete(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.Import)] HttpRequest request,
        string uuid,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct) =>
        imports.CompleteAsync(request, uuid, workflows.For(client), ct);

    [Function("CancelImport")]
    public Task<IResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.Import)] HttpRequest request,
        string uuid,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct) =>
        cancellation.CancelAsync(request, uuid, workflows.For(client), ct);

    [Function("GetImportOrchestration")]
    public Task<IResult> Orchestration(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ImportOrchestration)] HttpRequest request,
        string uuid,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct) =>
        imports.OrchestrationAsync(request, uuid, workflows.For(client), ct);
}
