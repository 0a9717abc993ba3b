using Minerva.Service.Lifecycle;
using Minerva.Service.Orchestration;
using Minerva.Service.Records;
using Minerva.Service.Storage;

namespace Minerva.Service.Api;

/// <summary>
/// Ends an import's upload exactly once (PUT /import/{uuid} {"complete": true}). The import moves from
/// AwaitingUpload to Processing in one conditional write, so of any number of racing requests one succeeds and the
/// others get 409, and from then on credentials and POST /files answer 409 too. No POST /files request may be
/// running (<see cref="FileUploadLease"/>), so a file is stored before the completion or not at all. The upload
/// prefix is closed to the import's credentials (<see cref="UploadSeal"/>) before the orchestration hears of it, so
/// late writes cannot change what it imports. If the upload-complete event cannot be raised, both steps are undone
/// and the caller may try again. The orchestration setting Processing itself afterwards changes nothing.
/// </summary>
public sealed class UploadCompletion(IRecordStore records, UploadSeal seal, ImportRepair repair, TimeProvider clock)
{
    /// <summary>The import as it is now (Processing); 409 when it is not awaiting its upload or files are being sent.</summary>
    public async Task<ImportRecord> CompleteAsync(ImportRecord import, OnConflict onConflict, IImportWorkflow workflow, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var change = await records.ChangeImportAsync(
            import.Owner,
            import.Uuid,
            r => r.Status == ImportStatus.AwaitingUpload && !FileUploadLease.IsHeld(r, now)
                ? r with { Status = ImportStatus.Processing, OnConflict = onConflict, Updated = now }
                : null,
            ct) ?? throw ApiException.NotFound("import", import.Uuid);
        if (!change.Changed)
        {
            change.Import.RequireAwaitingUpload("the upload can be completed");
            throw ApiException.Conflict(
                $"Import {import.Uuid} is receiving files through POST /import/{import.Uuid}/files; complete it once that request has answered.");
        }

        var prefix = ImportLayout.UploadPrefix(import.Uuid);
        try
        {
            await seal.CloseAsync(prefix, sweep: false, ct);
            await repair.CompleteUploadAsync(change.Import, onConflict, workflow, ct);
        }
        catch
        {
            var undone = await records.ChangeImportAsync(
                import.Owner,
                import.Uuid,
                r => r.Status == ImportStatus.Processing ? r with { Status = ImportStatus.AwaitingUpload, Updated = clock.GetUtcNow() } : null,
                CancellationToken.None);
            if (undone is { Changed: true })
            {
                await seal.ReopenAsync(prefix, CancellationToken.None);
            }

            throw;
        }

        return change.Import;
    }
}
