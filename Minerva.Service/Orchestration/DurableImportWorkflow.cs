using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Minerva.Service.Configuration;
using Minerva.Service.Records;

namespace Minerva.Service.Orchestration;

/// <summary>
/// <see cref="IImportWorkflow"/> over a <see cref="DurableTaskClient"/>: the standalone host's gRPC client, or the
/// client the Functions app gets from its [DurableClient] binding.
/// </summary>
public sealed partial class DurableImportWorkflow(DurableTaskClient client, IOptions<MinervaOptions> service, IOptions<TilingOptions> tiling, TimeProvider clock) : IImportWorkflow
{
    public async Task StartAsync(ImportRecord import, UploadComplete? completed = null, CancellationToken ct = default)
    {
        // An instance whose start message was lost stays Pending for good, and the task hub silently ignores a new
        // start for an id that is Pending: the lost one must go first (callers replace only one long Pending).
        if (await client.GetInstanceAsync(import.Uuid, ct) is { RuntimeStatus: OrchestrationRuntimeStatus.Pending })
        {
            await client.PurgeInstanceAsync(import.Uuid, cancellation: ct);
        }

        await client.ScheduleNewOrchestrationInstanceAsync(
            nameof(ImportOrchestrator),
            new ImportInput(new ImportRef(import.Uuid, import.Owner, import.RepositoryUuid), service.Value.UploadTimeout, tiling.Value.ToTileOptions(), completed, tiling.Value.ActivityBytes),
            new StartOrchestrationOptions(InstanceId: import.Uuid),
            ct);
    }

    public Task RaiseUploadCompleteAsync(string importUuid, OnConflict onConflict, CancellationToken ct = default) =>
        client.RaiseEventAsync(importUuid, UploadComplete.EventName, new UploadComplete(onConflict), ct);

    public async Task<OrchestrationHealth?> GetHealthAsync(string importUuid, CancellationToken ct = default) =>
        await client.GetInstanceAsync(importUuid, getInputsAndOutputs: true, ct) is { } instance
            ? new OrchestrationHealth(
                instance.RuntimeStatus.ToString(),
                instance.ReadCustomStatusAs<ImportCustomStatus>()?.Phase,
                instance.CreatedAt,
                instance.LastUpdatedAt,
                instance.FailureDetails?.ErrorMessage)
            : null;

    public async Task TerminateAsync(string importUuid, string reason, CancellationToken ct = default)
    {
        if (await client.GetInstanceAsync(importUuid, ct) is { IsCompleted: false })
        {
            await client.TerminateInstanceAsync(importUuid, reason, ct);
        }

        // Terminating a parent leaves its children running; their ids share the parent's prefix.
        await foreach (var child in client.GetAllInstancesAsync(ChildQuery(importUuid, fetchInputsAndOutputs: false)).WithCancellation(ct))
        {
            if (!child.IsCompleted)
            {
                await client.TerminateInstanceAsync(child.InstanceId, reason, ct);
            }
        }
    }

    public async Task<OrchestrationStatus?> GetStatusAsync(string importUuid, CancellationToken ct = default)
    {
        var instance = await client.GetInstanceAsync(importUuid, getInputsAndOutputs: true, ct);
        if (instance is null)
        {
            return null;
        }

        var children = new List<OrchestrationStatus>();
        await foreach (var child in client.GetAllInstancesAsync(ChildQuery(importUuid, fetchInputsAndOutputs: true)).WithCancellation(ct))
        {
            children.Add(ToStatus(child, []));
        }

        return ToStatus(instance, [.. children.OrderBy(c => c.InstanceId, StringComparer.Ordinal)]);
    }

    public async Task<(ImportProgress Import, IReadOnlyDictionary<string, double> Filesets)?> GetProgressAsync(string importUuid, CancellationToken ct = default)
    {
        // Inputs and outputs too: some backends leave the custom status out of a query without them.
        if (await client.GetInstanceAsync(importUuid, getInputsAndOutputs: true, ct) is not { } parent)
        {
            return null;
        }

        var filesets = new List<FilesetCustomStatus>();
        var batches = new List<BatchCustomStatus>();
        await foreach (var child in client.GetAllInstancesAsync(ChildQuery(importUuid, fetchInputsAndOutputs: true)).WithCancellation(ct))
        {
            switch (child.Name)
            {
                case nameof(FilesetOrchestrator) when child.ReadCustomStatusAs<FilesetCustomStatus>() is { } fileset:
                    filesets.Add(fileset);
                    break;
                case nameof(RegionBatchOrchestrator) when child.ReadCustomStatusAs<BatchCustomStatus>() is { } batch:
                    batches.Add(batch);
                    break;
            }
        }

        return LiveProgress.Summarize(parent.ReadCustomStatusAs<ImportCustomStatus>(), filesets, batches, clock.GetUtcNow().UtcDateTime);
    }

    private static OrchestrationQuery ChildQuery(string importUuid, bool fetchInputsAndOutputs) => new()
    {
        InstanceIdPrefix = ImportLayout.ChildInstancePrefix(importUuid),
        FetchInputsAndOutputs = fetchInputsAndOutputs,
    };

    private static OrchestrationStatus ToStatus(OrchestrationMetadata instance, IReadOnlyList<OrchestrationStatus> children) => new(
        instance.InstanceId,
        instance.RuntimeStatus.ToString(),
        Parse(instance.SerializedCustomStatus),
        instance.CreatedAt,
        instance.LastUpdatedAt,
        Parse(instance.SerializedOutput),
        children);

    private static JsonElement? Parse(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonDocument.Parse(json).RootElement.Clone();
}
