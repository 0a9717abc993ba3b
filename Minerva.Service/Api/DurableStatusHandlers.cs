using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.DurableTask.Client;
using Minerva.Service.Api.Models;
using Minerva.Service.Orchestration;
using Minerva.Service.Records;
using Minerva.Service.Storage;

namespace Minerva.Service.Api;

/// <summary>
/// The Durable Functions HTTP API's instance routes for the caller's imports (<see cref="ApiRoutes.DurableInstance"/>):
/// the status query, answered in the Durable extension's shape and with its status codes, and what the management
/// links of <see cref="ManagementLinks"/> do. They need the API key, reach only the caller's imports' orchestrations
/// (instance id = import uuid) and their sub-orchestrations (ids below it), list nothing, and never go around an
/// import's own rules: the upload-complete event is PUT /import/{uuid}, terminating is cancelling (DELETE
/// /import/{uuid}: uploads and outputs removed, status Cancelled), purging removes the history of a finished import
/// only; restart, suspend, resume and rewind are not part of an import's life and are refused.
/// </summary>
public sealed class DurableStatusHandlers(ApiKeys keys, IRecordStore records, UploadCompletion completion, ImportCancellationHandler cancellation)
{
    /// <summary>The Durable extension's pause before the next poll of a running instance.</summary>
    private const string RetryAfterSeconds = "5";

    private static readonly OrchestrationRuntimeStatus[] Finished =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    /// <summary>
    /// GET: 202 with Location and Retry-After while the instance runs (or waits), 200 once it has finished (Failed too,
    /// unless returnInternalServerErrorOnFailure=true asks for a 500), 404 when unknown or not the caller's.
    /// </summary>
    public async Task<IResult> StatusAsync(HttpRequest request, string id, IImportWorkflow workflow, CancellationToken ct)
    {
        var target = await RequireOwnAsync(request, id, ct);
        var showHistory = Flag(request, "showHistory", false);
        var instance = await workflow.GetInstanceAsync(target.InstanceId, showHistory, ct) ?? throw NoInstance(id);
        var body = DurableStatusResponse.From(instance, Flag(request, "showInput", true), Flag(request, "showHistoryOutput", false));
        if (!Finished.Contains(instance.RuntimeStatus))
        {
            request.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
            return ApiResults.Json(body, ApiJson.OrchestrationOptions, StatusCodes.Status202Accepted, request.GetEncodedUrl());
        }

        var failed = instance.RuntimeStatus == OrchestrationRuntimeStatus.Failed && Flag(request, "returnInternalServerErrorOnFailure", false);
        return ApiResults.Json(body, ApiJson.OrchestrationOptions, failed ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK);
    }

    /// <summary>DELETE (purgeHistoryDeleteUri): 200 {"instancesDeleted"} for a finished import; 409 while it runs.</summary>
    public async Task<IResult> PurgeAsync(HttpRequest request, string id, IImportWorkflow workflow, CancellationToken ct)
    {
        var target = await RequireOwnAsync(request, id, ct);
        target.RequireImportInstance("Purging");
        var instance = await workflow.GetInstanceAsync(target.InstanceId, withHistory: false, ct) ?? throw NoInstance(id);
        if (!Finished.Contains(instance.RuntimeStatus))
        {
            throw ApiException.Conflict(
                $"The orchestration of import {target.Import.Uuid} is {instance.RuntimeStatus}; its history can be purged once it has finished (cancel the import to stop it).");
        }

        return ApiResults.Json(new PurgeHistoryResponse(await workflow.PurgeAsync(target.Import.Uuid, ct)), ApiJson.OrchestrationOptions);
    }

    /// <summary>POST raiseEvent/{eventName} (sendEventPostUri): only UploadComplete, which is PUT /import/{uuid} {"complete": true}.</summary>
    public async Task<IResult> RaiseEventAsync(HttpRequest request, string id, string eventName, IImportWorkflow workflow, CancellationToken ct)
    {
        var target = await RequireOwnAsync(request, id, ct);
        target.RequireImportInstance("Raising an event");
        if (eventName != UploadComplete.EventName)
        {
            throw ApiException.BadRequest(
                "unknown_event", $"An import's orchestration takes one event, '{UploadComplete.EventName}' (the upload is complete); got '{eventName}'.");
        }

        var onConflict = await OnConflictAsync(request, ct);
        target.RequireUnfinished();
        var import = await completion.CompleteAsync(target.Import, onConflict, workflow, ct);
        return ApiResults.Json(ImportResponse.From(import), StatusCodes.Status202Accepted, $"/import/{import.Uuid}");
    }

    /// <summary>POST {operation}: terminate (terminatePostUri) cancels the import; restart, suspend, resume and rewind are refused.</summary>
    public async Task<IResult> OperateAsync(HttpRequest request, string id, string operation, IImportWorkflow workflow, CancellationToken ct)
    {
        var target = await RequireOwnAsync(request, id, ct);
        switch (operation.ToLowerInvariant())
        {
            case "terminate":
                target.RequireImportInstance("Terminating");
                target.RequireUnfinished();
                return await cancellation.CancelAsync(request, target.Import.Uuid, workflow, ct);
            case "restart":
            case "rewind":
                throw Unsupported("An import's orchestration is not restarted or rewound: it would run again an import that has settled. Create a new import instead.");
            case "suspend":
            case "resume":
                throw Unsupported($"An import's orchestration is not suspended or resumed; cancel the import with its terminatePostUri or DELETE /import/{target.Import.Uuid}.");
            default:
                throw new ApiException(StatusCodes.Status404NotFound, "no_route", $"'{operation}' is not an operation of the Durable instance API.");
        }
    }

    /// <summary>
    /// The instance the id names, when it is one of the caller's imports (instance id = import uuid) or a
    /// sub-orchestration of one (ids below <see cref="ImportLayout.ChildInstancePrefix"/>); anything else is a 404,
    /// the same whether it does not exist or is someone else's.
    /// </summary>
    private async Task<InstanceTarget> RequireOwnAsync(HttpRequest request, string id, CancellationToken ct)
    {
        var owner = keys.UserOf(request);
        const int UuidLength = 36;
        if (id.Length < UuidLength || !Guid.TryParseExact(id[..UuidLength], "D", out var uuid))
        {
            throw NoInstance(id);
        }

        var importUuid = uuid.ToString();
        var instanceId = importUuid + id[UuidLength..];
        if (instanceId != importUuid && !instanceId.StartsWith(ImportLayout.ChildInstancePrefix(importUuid), StringComparison.Ordinal))
        {
            throw NoInstance(id);
        }

        var import = await records.GetImportAsync(owner, importUuid, ct) ?? throw NoInstance(id);
        return new InstanceTarget(import, instanceId);
    }

    /// <summary>The event data: none, JSON null, or {"on_conflict"?} as PUT /import/{uuid} takes it; Ignore when not given.</summary>
    private static async Task<OnConflict> OnConflictAsync(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        using (var reader = new StreamReader(request.Body, leaveOpen: true))
        {
            if ((await reader.ReadToEndAsync(ct)).Trim() is "" or "null")
            {
                return OnConflict.Ignore;
            }
        }

        request.Body.Position = 0;
        var data = await ApiRequests.ReadJsonAsync<UploadCompleteEventRequest>(request, ct);
        return data.OnConflict is null ? OnConflict.Ignore : ApiRequests.Enum<OnConflict>(data.OnConflict, "on_conflict");
    }

    private static bool Flag(HttpRequest request, string name, bool fallback) =>
        bool.TryParse(request.Query[name].ToString(), out var value) ? value : fallback;

    private static ApiException NoInstance(string id) =>
        new(StatusCodes.Status404NotFound, "not_found", $"No orchestration instance {id} exists for this API key.");

    private static ApiException Unsupported(string detail) => new(StatusCodes.Status422UnprocessableEntity, "unsupported_operation", detail);

    private sealed record InstanceTarget(ImportRecord Import, string InstanceId)
    {
        /// <summary>
        /// 410 Gone, as the Durable extension answers an operation on a finished instance, once the import has settled.
        /// The import's status decides, not the orchestration's: an unfinished import whose orchestration was lost is
        /// completed or cancelled as PUT and DELETE /import/{uuid} do (starting it again when needed).
        /// </summary>
        public void RequireUnfinished()
        {
            if (Import.Status is ImportStatus.Complete or ImportStatus.Failed or ImportStatus.Expired or ImportStatus.Cancelled)
            {
                throw new ApiException(StatusCodes.Status410Gone, "gone", $"Import {Import.Uuid} has already finished ({Import.Status}).");
            }
        }

        /// <summary>Management acts on the import's own orchestration; its sub-orchestrations follow it.</summary>
        public void RequireImportInstance(string action)
        {
            if (InstanceId != Import.Uuid)
            {
                throw Unsupported($"{action} acts on import {Import.Uuid}'s own orchestration ({Import.Uuid}); {InstanceId} is one of its sub-orchestrations.");
            }
        }
    }
}
