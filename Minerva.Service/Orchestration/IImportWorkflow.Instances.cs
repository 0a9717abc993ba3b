using DurableTask.Core.History;
using Microsoft.DurableTask.Client;

namespace Minerva.Service.Orchestration;

/// <summary>What the Durable HTTP API (status query, purge) asks of the import's orchestration instances.</summary>
public partial interface IImportWorkflow
{
    /// <summary>One instance (the import's orchestration or one of its sub-orchestrations) with its payloads, and its history when asked; null when unknown.</summary>
    Task<DurableInstance?> GetInstanceAsync(string instanceId, bool withHistory, CancellationToken ct = default);

    /// <summary>Removes the history of the import's orchestration and of its sub-orchestrations; answers how many instances were removed.</summary>
    Task<int> PurgeAsync(string importUuid, CancellationToken ct = default);
}

/// <summary>An orchestration instance as the engine keeps it: payloads still serialized as the engine's data converter wrote them.</summary>
public sealed record DurableInstance(
    string Name,
    string InstanceId,
    OrchestrationRuntimeStatus RuntimeStatus,
    string? SerializedInput,
    string? SerializedCustomStatus,
    string? SerializedOutput,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime,
    IReadOnlyList<HistoryEvent>? History);
