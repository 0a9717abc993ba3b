using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Minerva.Service.Configuration;
using Minerva.Service.Orchestration;
using Minerva.Service.Records;
using Minerva.Service.Storage;

namespace Minerva.Service.Lifecycle;

/// <summary>
/// Keeps every unfinished import moving. An import's orchestration can be lost before it ever runs (its start
/// message discarded by the storage backend), can miss the upload-complete event, or can end without recording the
/// import's end; nothing would then tell the user, and the import would wait forever. Completing an upload and a
/// periodic watchdog both look at the orchestration first and start it again (without waiting for the upload when
/// that is already complete), raise the event again, or record the import as failed with the reason.
/// </summary>
public sealed class ImportRepair(IRecordStore records, UploadSeal seal, IOptions<MinervaOptions> options, TimeProvider clock, ILogger<ImportRepair> logger)
{
    private TimeSpan StaleAfter => options.Value.OrchestrationStaleAfter;

    /// <summary>
    /// PUT /import/{uuid} complete: raises the upload-complete event when the orchestration can receive it; when it is
    /// missing, lost before it started or already ended, starts a new one that begins with the upload completed.
    /// </summary>
    public async Task CompleteUploadAsync(ImportRecord import, OnConflict onConflict, IImportWorkflow workflow, CancellationToken ct)
    {
        var health = await workflow.GetHealthAsync(import.Uuid, ct);
        if (health is not null && !health.HasEnded && !IsLost(health))
        {
            await workflow.RaiseUploadCompleteAsync(import.Uuid, onConflict, ct);
            return;
        }

        logger.LogWarning("Import {Import}: its orchestration was {State}; starting a new one at its completed upload.", import.Uuid, health?.RuntimeStatus ?? "missing");
        await workflow.StartAsync(import, new UploadComplete(onConflict), ct);
    }

    /// <summary>
    /// The watchdog's pass over every unfinished import; answers how many it repaired. It also lets the upload seals
    /// whose credentials have all expired go (<see cref="UploadSeal.PublishAsync"/>), sweeping what landed late.
    /// </summary>
    public async Task<int> CheckAllAsync(IImportWorkflow workflow, CancellationToken ct)
    {
        await seal.PublishAsync(ct);
        int repaired = 0;
        foreach (var import in await records.ListUnfinishedImportsAsync(ct))
        {
            try
            {
                if (await CheckAsync(import, workflow, ct) is { } repair)
                {
                    logger.LogWarning("Import {Import} ({Status}): {Repair}", import.Uuid, import.Status, repair);
                    repaired++;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One import's trouble must not keep the others from being looked at.
                logger.LogWarning(e, "Import {Import}: the watchdog could not check its orchestration.", import.Uuid);
            }
        }

        return repaired;
    }

    /// <summary>Looks at one unfinished import's orchestration; answers what was repaired, or null when all was well.</summary>
    public async Task<string?> CheckAsync(ImportRecord import, IImportWorkflow workflow, CancellationToken ct)
    {
        var health = await workflow.GetHealthAsync(import.Uuid, ct);
        var completed = import.Status == ImportStatus.Processing ? new UploadComplete(import.OnConflict) : null;
        var now = clock.GetUtcNow();
        if (health is null || IsLost(health))
        {
            // A record only just written may not have its orchestration yet: wait as long as for a lost start.
            if (health is null && now - import.Updated < StaleAfter)
            {
                return null;
            }

            await workflow.StartAsync(import, completed, ct);
            return $"its orchestration was {health?.RuntimeStatus ?? "missing"}; started again" + (completed is null ? "." : " at its completed upload.");
        }

        if (completed is not null && health.RuntimeStatus == "Running" && health.Phase == nameof(ImportStatus.AwaitingUpload) && now - health.LastUpdated > StaleAfter)
        {
            await workflow.RaiseUploadCompleteAsync(import.Uuid, import.OnConflict, ct);
            return "its orchestration still waited for the completed upload; the event was raised again.";
        }

        if (health.HasEnded && now - import.Updated > StaleAfter)
        {
            string error = $"Its orchestration ended ({health.RuntimeStatus}{(health.Failure is null ? "" : ": " + health.Failure)}) without finishing the import.";
            var failed = await records.ChangeImportAsync(
                import.Owner, import.Uuid, r => r.IsFinished ? null : r with { Status = ImportStatus.Failed, Errors = [.. r.Errors, error], Updated = now }, ct);
            return failed is { Changed: true } ? error : null;
        }

        return null;
    }

    /// <summary>Created long ago and never started: its start message was lost.</summary>
    private bool IsLost(OrchestrationHealth health) => health.RuntimeStatus == "Pending" && clock.GetUtcNow() - health.Created > StaleAfter;
}
