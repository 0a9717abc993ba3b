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
public sealed class ImportCancellationHandler(ApiKeys keys, IRecordStore records, IObjectStore objects, TimeProvider clock)
{
    private static readonly ImportStatus[] Finished = [ImportStatus.Complete, ImportStatus.Failed, ImportStatus.Expired, ImportStatus.Cancelled];

    public async Task<IResult> CancelAsync(HttpRequest request, string uuid, IImportWorkflow workflow, CancellationToken ct)
    {
        var owner = keys.UserOf(request);
        var import = await records.RequireImportAsync(owner, uuid, ct);
        if (Finished.Contains(import.Status))
        {
            throw ApiException.Conflict($"Import {import.Uuid} is already {import.Status}; only a running import can be cancelled.");
        }

        await workflow.TerminateAsync(import.Uuid, "Cancelled through DELETE /import.", ct);
        await objects.DeletePrefixAsync(ImportLayout.UploadPrefix(import.Uuid), ct);
        await objects.DeletePrefixAsync(objects.ArchiveKey(ImportLayout.UploadPrefix(import.Uuid)), ct); // originals already archived
        await objects.DeletePrefixAsync(ImportLayout.OutputPrefix(import.Uuid), ct);
        await RemoveOutputsAsync(import, ct);

        var cancelled = import with { Status = ImportStatus.Cancelled, Updated = clock.GetUtcNow() };
        await records.PutImportAsync(cancelled, ct);
        return ApiResults.Json(ImportResponse.From(cancelled), StatusCodes.Status202Accepted, $"/import/{import.Uuid}");
    }

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
