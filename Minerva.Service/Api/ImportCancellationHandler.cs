using Microsoft.AspNetCore.Http;
using Minerva.Service.Api.Models;
using Minerva.Service.Lifecycle;
using Minerva.Service.Orchestration;
using Minerva.Service.Records;
using Minerva.Service.Storage;

namespace Minerva.Service.Api;

/// <summary>
/// DELETE /import/{uuid}: marks the import Cancelled, closes its upload prefix to its credentials, terminates the
/// orchestration and removes what the import stored and produced (<see cref="FilesetLifecycle.RemoveImportAsync"/>).
/// </summary>
public sealed class ImportCancellationHandler(ApiKeys keys, IRecordStore records, FilesetLifecycle filesets, UploadSeal seal, TimeProvider clock)
{
    private static readonly ImportStatus[] Finished = [ImportStatus.Complete, ImportStatus.Failed, ImportStatus.Expired, ImportStatus.Cancelled];

    public async Task<IResult> CancelAsync(HttpRequest request, string uuid, IImportWorkflow workflow, CancellationToken ct)
    {
        var owner = keys.UserOf(request);
        var import = await records.RequireImportAsync(owner, uuid, ct);

        // One conditional write decides a race with PUT complete or another DELETE; from here on the import is Cancelled.
        var claim = await records.ChangeImportAsync(owner, import.Uuid, Cancel, ct) ?? throw ApiException.NotFound("import", import.Uuid);
        if (!claim.Changed)
        {
            throw ApiException.Conflict($"Import {import.Uuid} is already {claim.Import.Status}; only a running import can be cancelled.");
        }

        await seal.CloseAsync(ImportLayout.UploadPrefix(import.Uuid), sweep: true, ct);
        await workflow.TerminateAsync(import.Uuid, "Cancelled through DELETE /import.", ct);
        await filesets.RemoveImportAsync(import, ct);

        // An activity already running when the claim was written may have stored its own status since; the cancellation wins.
        var cancelled = (await records.ChangeImportAsync(owner, import.Uuid, r => r.Status == ImportStatus.Cancelled ? null : r with { Status = ImportStatus.Cancelled }, ct))?.Import ?? claim.Import;
        return ApiResults.Json(ImportResponse.From(cancelled), StatusCodes.Status202Accepted, $"/import/{import.Uuid}");
    }

    private ImportRecord? Cancel(ImportRecord import) =>
        Finished.Contains(import.Status) ? null : import with { Status = ImportStatus.Cancelled, Updated = clock.GetUtcNow() };
}
