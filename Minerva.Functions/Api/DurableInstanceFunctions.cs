using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Minerva.Service.Api;

namespace Minerva.Functions.Api;

/// <summary>
/// The Durable instance routes for the caller's imports. The Functions host keeps runtime/webhooks/durabletask/ for
/// the Durable extension's own API (system key, every instance), so these are served without that prefix.
/// </summary>
public sealed class DurableInstanceFunctions(DurableStatusHandlers handlers, WorkflowFactory workflows)
{
    [Function("GetInstanceStatus")]
    public Task Status(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.DurableInstance)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken ct) =>
        HttpAdapter.RespondAsync(request, () => handlers.StatusAsync(request, id, workflows.For(client), ct));

    [Function("PurgeInstanceHistory")]
    public Task Purge(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.DurableInstance)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken ct) =>
        HttpAdapter.RespondAsync(request, () => handlers.PurgeAsync(request, id, workflows.For(client), ct));

    [Function("RaiseInstanceEvent")]
    public Task RaiseEvent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.DurableInstanceEvent)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        string eventName,
        CancellationToken ct) =>
        HttpAdapter.RespondAsync(request, () => handlers.RaiseEventAsync(request, id, eventName, workflows.For(client), ct));

    [Function("OperateInstance")]
    public Task Operate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.DurableInstanceOperation)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        string operation,
        CancellationToken ct) =>
        HttpAdapter.RespondAsync(request, () => handlers.OperateAsync(request, id, operation, workflows.For(client), ct));
}
