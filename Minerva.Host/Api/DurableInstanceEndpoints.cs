using Microsoft.AspNetCore.Mvc;
using Minerva.Service.Api;
using Minerva.Service.Orchestration;

namespace Minerva.Host.Api;

/// <summary>The Durable Functions HTTP API's instance routes over <see cref="DurableStatusHandlers"/>.</summary>
internal static class DurableInstanceEndpoints
{
    public static IEndpointRouteBuilder MapDurableInstances(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(ApiRoutes.DurableInstance, (DurableStatusHandlers h, HttpRequest r, string id, [FromServices] IImportWorkflow w, CancellationToken ct) =>
            h.StatusAsync(r, id, w, ct));
        routes.MapDelete(ApiRoutes.DurableInstance, (DurableStatusHandlers h, HttpRequest r, string id, [FromServices] IImportWorkflow w, CancellationToken ct) =>
            h.PurgeAsync(r, id, w, ct));
        routes.MapPost(ApiRoutes.DurableInstanceEvent, (DurableStatusHandlers h, HttpRequest r, string id, string eventName, [FromServices] IImportWorkflow w, CancellationToken ct) =>
            h.RaiseEventAsync(r, id, eventName, w, ct));
        routes.MapPost(ApiRoutes.DurableInstanceOperation, (DurableStatusHandlers h, HttpRequest r, string id, string operation, [FromServices] IImportWorkflow w, CancellationToken ct) =>
            h.OperateAsync(r, id, operation, w, ct));
        return routes;
    }
}
