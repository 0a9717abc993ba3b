using Microsoft.AspNetCore.Http;
using Minerva.Service.Api.Models;
using Minerva.Service.Orchestration;
using Minerva.Service.Records;
using Minerva.Service.Storage;

namespace Minerva.Service.Api;

/// <summary>
/// DELETE /import/{uuid}: terminates the orchestration, removes the partial upload, the import's output prefix
/// (including zarr roots whose records are not written yet) and every image the import produced (objects, records,
/// hash index entries), and marks the import Cancelled. Images the import only linked to (same hash, built by an
/// earlier import) belong to that import and are kept.
/// </summary>
public sealed class ImportCancellationHandler(ApiKeys keys, IRecordStore records, IObjectStore objects, UploadSeal seal, TimeProvider clock)
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
        await objects.DeletePrefixAsync(ImportLayout.UploadPrefix(import.Uuid), ct);
        await objects.DeletePrefixAsync(ImportLayout.OutputPrefix(import.Uuid), ct);
        await RemoveOutputsAsync(import, ct);

        // An activity already running when the claim was written may have stored its own status since; the cancellation wins.
        var cancelled = (await records.ChangeImportAsync(owner, import.Uuid, r => r.Status == ImportStatus.Cancelled ? null : r with { Status = ImportStatus.Cancelled }, ct))?.Import ?? claim.Import;
        return ApiResults.Json(ImportResponse.From(cancelled), StatusCodes.Status202Accepted, $"/import/{import.Uuid}");
    }

    private ImportRecord? Cancel(ImportRecord import) =>
        Finished.Contains(import.Status) ? null : import with { Status = ImportStatus.Cancelled, Updated = clock.GetUtcNow() };

    private async Task RemoveOutputsAsync(ImportRecord import, CancellationToken ct)
    {
        var filesets = await records.ListFilesetsAsync(import.Uuid, ct);
        var ownFilesets = filesets.Select(f => f.Uuid).ToHashSet(StringComparer.Ordinal);
        foreach (var imageUuid in filesets.SelectMany(f => f.ImageUuids).Distinct(StringComparer.Ordinal))
        {
            var image = await records.GetImageAsync(import.Owner, imageUuid, ct);
            if (image is null || !ownFilesets.Contains(image.FilesetUuid))
            {
                continue;
            }

            await objects.DeletePrefixAsync(image.Location.TrimEnd('/') + "/", ct);
            var sameHash = await records.FindImagesByHashAsync(image.RepositoryUuid, image.Sha256, ct);
            await records.PutHashAsync(image.RepositoryUuid, image.Sha256, [.. sameHash.Where(id => id != image.Uuid)], ct);
            await records.DeleteImageAsync(image, ct);
        }
    }
}
