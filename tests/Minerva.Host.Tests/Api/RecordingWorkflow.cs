using System.Collections.Concurrent;
using System.Text.Json;
using Minerva.Service.Orchestration;
using Minerva.Service.Records;

namespace Minerva.Host.Tests.Api;

/// <summary>
/// Stands in for the durable engine in HTTP-handler tests only (routing, status codes, what the handlers ask of
/// the workflow). The engine itself is tested end to end with the real Durable Task host.
/// </summary>
internal sealed class RecordingWorkflow : IImportWorkflow
{
    public ConcurrentQueue<string> Calls { get; } = new();

    public Task StartAsync(ImportRecord import, UploadComplete? completed = null, CancellationToken ct = default) =>
        Record(completed is null ? $"start {import.Uuid}" : $"start {import.Uuid} completed {completed.OnConflict}");

    /// <summary>
    /// Runs when the upload-complete event is raised, where the orchestration would take over: a test looks at what
    /// the import holds at that moment, or throws to play an engine that cannot be reached.
    /// </summary>
    public Func<string, Task>? OnComplete { get; set; }

    public async Task RaiseUploadCompleteAsync(string importUuid, OnConflict onConflict, CancellationToken ct = default)
    {
        if (OnComplete is { } hook)
        {
            await hook(importUuid);
        }

        await Record($"complete {importUuid} {onConflict}");
    }

    /// <summary>A started import's orchestration is running (and waits for its upload); others have none.</summary>
    public Task<OrchestrationHealth?> GetHealthAsync(string importUuid, CancellationToken ct = default) =>
        Task.FromResult(Calls.Any(c => c.StartsWith($"start {importUuid}", StringComparison.Ordinal))
            ? new OrchestrationHealth("Running", nameof(ImportStatus.AwaitingUpload), DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, null)
            : null);

    public Task TerminateAsync(string importUuid, string reason, CancellationToken ct = default) => Record($"terminate {importUuid}");

    public Task<OrchestrationStatus?> GetStatusAsync(string importUuid, CancellationToken ct = default) =>
        Task.FromResult(Calls.Contains($"start {importUuid}")
            ? new OrchestrationStatus(
                importUuid,
                "Running",
                JsonSerializer.SerializeToElement(new { stage = "AwaitingUpload" }),
                new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 11, 25, 9, 0, 1, TimeSpan.Zero),
                null,
                [])
            : null);

    /// <summary>No live progress: the handlers then answer the recorded progress.</summary>
    public Task<(ImportProgress Import, IReadOnlyDictionary<string, double> Filesets)?> GetProgressAsync(string importUuid, CancellationToken ct = default) =>
        Task.FromResult<(ImportProgress, IReadOnlyDictionary<string, double>)?>(null);

    public Task<DurableInstance?> GetInstanceAsync(string instanceId, bool withHistory, CancellationToken ct = default) =>
        Task.FromResult<DurableInstance?>(null);

    public Task<int> PurgeAsync(string importUuid, CancellationToken ct = default) => Task.FromResult(0);

    private Task Record(string call)
    {
        Calls.Enqueue(call);
        return Task.CompletedTask;
    }
}
