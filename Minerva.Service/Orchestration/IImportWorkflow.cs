using Minerva.Service.Records;

namespace Minerva.Service.Orchestration;

/// <summary>
/// What the HTTP handlers ask of the durable import orchestration. Implemented over a DurableTaskClient
/// (the standalone host's gRPC client, or the Functions [DurableClient] binding), so both hosts share it.
/// </summary>
public partial interface IImportWorkflow
{
    /// <summary>Starts the import's orchestration; instance id = import uuid.</summary>
    Task StartAsync(ImportRecord import, CancellationToken ct = default);

    /// <summary>Raises the upload-complete event.</summary>
    Task CompleteUploadAsync(string importUuid, OnConflict onConflict, CancellationToken ct = default);

    /// <summary>Terminates the orchestration (its sub-orchestrations included); cleanup is the caller's.</summary>
    Task TerminateAsync(string importUuid, string reason, CancellationToken ct = default);

    /// <summary>The orchestration status as Durable Functions' status query gives it, plus sub-orchestrations; null when unknown.</summary>
    Task<OrchestrationStatus?> GetStatusAsync(string importUuid, CancellationToken ct = default);

    /// <summary>The import's progress as its orchestrations report it right now (<see cref="LiveProgress"/>); null when it has no orchestration.</summary>
    Task<(ImportProgress Import, IReadOnlyDictionary<string, double> Filesets)?> GetProgressAsync(string importUuid, CancellationToken ct = default);
}

/// <summary>Status query answer: instanceId, runtimeStatus, customStatus, times, output, and the per-image sub-orchestrations.</summary>
public sealed record OrchestrationStatus(
    string InstanceId,
    string RuntimeStatus,
    System.Text.Json.JsonElement? CustomStatus,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime,
    System.Text.Json.JsonElement? Output,
    IReadOnlyList<OrchestrationStatus> SubOrchestrations);
