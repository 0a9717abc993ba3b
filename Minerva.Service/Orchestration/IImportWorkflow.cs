using Minerva.Service.Records;

namespace Minerva.Service.Orchestration;

/// <summary>
/// What the HTTP handlers ask of the durable import orchestration. Implemented over a DurableTaskClient
/// (the standalone host's gRPC client, or the Functions [DurableClient] binding), so both hosts share it.
/// </summary>
public partial interface IImportWorkflow
{
    /// <summary>
    /// Starts the import's orchestration (instance id = import uuid), replacing one that never started. With
    /// <paramref name="completed"/> it does not wait for the upload: the upload was already completed.
    /// </summary>
    Task StartAsync(ImportRecord import, UploadComplete? completed = null, CancellationToken ct = default);

    /// <summary>Raises the upload-complete event.</summary>
    Task RaiseUploadCompleteAsync(string importUuid, OnConflict onConflict, CancellationToken ct = default);

    /// <summary>Where the import's orchestration stands, for repairs; null when it has none.</summary>
    Task<OrchestrationHealth?> GetHealthAsync(string importUuid, CancellationToken ct = default);

    /// <summary>Terminates the orchestration (its sub-orchestrations included); cleanup is the caller's.</summary>
    Task TerminateAsync(string importUuid, string reason, CancellationToken ct = default);

    /// <summary>The orchestration status as Durable Functions' status query gives it, plus sub-orchestrations; null when unknown.</summary>
    Task<OrchestrationStatus?> GetStatusAsync(string importUuid, CancellationToken ct = default);

    /// <summary>The import's progress as its orchestrations report it right now (<see cref="LiveProgress"/>); null when it has no orchestration.</summary>
    Task<(ImportProgress Import, IReadOnlyDictionary<string, double> Filesets)?> GetProgressAsync(string importUuid, CancellationToken ct = default);
}

/// <summary>
/// An orchestration's runtime status ("Pending", "Running", "Completed", …), the phase its custom status names,
/// when it was created and last updated, and its failure message when it failed.
/// </summary>
public sealed record OrchestrationHealth(string RuntimeStatus, string? Phase, DateTimeOffset Created, DateTimeOffset LastUpdated, string? Failure)
{
    public bool HasEnded => RuntimeStatus is "Completed" or "Failed" or "Terminated";
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
