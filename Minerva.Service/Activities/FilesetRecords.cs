using Minerva.Service.Orchestration;
using Minerva.Service.Records;
using Minerva.Service.Storage;

namespace Minerva.Service.Activities;

/// <summary>Read-modify-write of one fileset record; each fileset has one writer at a time (its scan, then its sub-orchestration).</summary>
internal static class FilesetRecords
{
    /// <summary>Reader name recorded for a file no reader could open.</summary>
    public const string NoReader = "none";

    public static async Task<FilesetRecord?> FindAsync(IRecordStore records, ImportRef import, FilesetRef fileset)
    {
        var all = await records.ListFilesetsAsync(import.Uuid);
        return all.FirstOrDefault(f => f.Uuid == fileset.Uuid);
    }

    public static async Task<FilesetRecord> UpdateAsync(IRecordStore records, ImportRef import, FilesetRef fileset, Func<FilesetRecord, FilesetRecord> change)
    {
        var current = await FindAsync(records, import, fileset) ?? new FilesetRecord(
            fileset.Uuid, import.Uuid, import.Owner, fileset.Name, fileset.SourceKey, NoReader,
            FilesetStatus.Pending, 0, null, null, [], DateTimeOffset.UtcNow);
        var updated = change(current) with { Updated = DateTimeOffset.UtcNow };
        await records.PutFilesetAsync(updated);
        return updated;
    }
}
