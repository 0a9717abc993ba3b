using Minerva.Service.Records;
using Minerva.Service.Storage;

namespace Minerva.Service.Api;

/// <summary>Reads of the caller's own records by route uuid; unknown and "not yours" are the same 404.</summary>
internal static class RecordLookups
{
    public static async Task<ImportRecord> RequireImportAsync(this IRecordStore records, string owner, string uuid, CancellationToken ct)
    {
        var id = ApiRequests.Uuid(uuid);
        return await records.GetImportAsync(owner, id, ct) ?? throw ApiException.NotFound("import", id);
    }

    public static async Task<ImageRecord> RequireImageAsync(this IRecordStore records, string owner, string uuid, CancellationToken ct)
    {
        var id = ApiRequests.Uuid(uuid);
        return await records.GetImageAsync(owner, id, ct) ?? throw ApiException.NotFound("image", id);
    }

    /// <summary>409 unless the import still waits for its upload.</summary>
    public static void RequireAwaitingUpload(this ImportRecord import, string action)
    {
        if (import.Status != ImportStatus.AwaitingUpload)
        {
            throw ApiException.Conflict($"Import {import.Uuid} is {import.Status}; {action} only while it is AwaitingUpload.");
        }
    }
}
