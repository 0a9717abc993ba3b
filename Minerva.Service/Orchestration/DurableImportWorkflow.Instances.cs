using Microsoft.DurableTask.Client;

namespace Minerva.Service.Orchestration;

public sealed partial class DurableImportWorkflow
{
    public async Task<DurableInstance?> GetInstanceAsync(string instanceId, bool withHistory, CancellationToken ct = default)
    {
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, ct);
        if (instance is null)
        {
            return null;
        }

        // A pending instance has no history yet (the Durable extension asks for none either).
        var history = withHistory && instance.RuntimeStatus != OrchestrationRuntimeStatus.Pending
            ? await client.GetOrchestrationHistoryAsync(instanceId, ct)
            : null;
        return new DurableInstance(
            instance.Name,
            instance.InstanceId,
            instance.RuntimeStatus,
            instance.SerializedInput,
            instance.SerializedCustomStatus,
            instance.SerializedOutput,
            instance.CreatedAt,
            instance.LastUpdatedAt,
            history is null ? null : [.. history]);
    }

    public async Task<int> PurgeAsync(string importUuid, CancellationToken ct = default)
    {
        var children = new List<string>();
        await foreach (var child in client.GetAllInstancesAsync(ChildQuery(importUuid, fetchInputsAndOutputs: false)).WithCancellation(ct))
        {
            children.Add(child.InstanceId);
        }

        int purged = 0;
        foreach (var id in children.Append(importUuid))
        {
            purged += (await client.PurgeInstanceAsync(id, ct)).PurgedInstanceCount;
        }

        return purged;
    }
}
