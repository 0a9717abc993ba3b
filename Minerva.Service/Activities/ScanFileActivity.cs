using System.Security.Cryptography;
using Microsoft.DurableTask;
using Minerva.Service.Orchestration;
using Minerva.Service.Records;
using Minerva.Service.Storage;
using Minerva.Tiling;
using Minerva.Tiling.Model;

namespace Minerva.Service.Activities;

/// <summary>
/// Hashes one uploaded file (SHA-256 streamed from S3) and reads its image metadata with the engine (by range reads),
/// then settles what happens to it: linked to the repository's images with the same hash (or, with on_conflict
/// ignore, with the same name), failed with the reader's one-sentence error, or to be built. Records the fileset.
/// </summary>
public sealed class ScanFileActivity(IRecordStore records, IObjectStore objects, SourceImages sources, RawStoragePolicy rawStorage) : TaskActivity<ScanRequest, FileScan>
{
    public override async Task<FileScan> RunAsync(TaskActivityContext context, ScanRequest input)
    {
        var (import, fileset) = (input.Import, input.Fileset);
        string sha256 = await HashAsync(fileset.SourceKey);

        var sameContent = await ExistingImagesAsync(import, await records.FindImagesByHashAsync(import.RepositoryUuid, sha256));
        if (sameContent.Count > 0)
        {
            return await LinkAsync(import, fileset, sha256, reader: "linked", sameContent);
        }

        ImageInfo info;
        try
        {
            using var source = await sources.OpenAsync(fileset.SourceKey);
            info = source.Info;
        }
        catch (InvalidImageException e)
        {
            await FilesetRecords.UpdateAsync(records, import, fileset, f => f with { Status = FilesetStatus.Failed, Error = e.Message, Sha256 = sha256 });
            return new FileScan(sha256, [], [], e.Message);
        }

        string readerName = SourceImages.ReaderName(info);
        if (input.OnConflict == OnConflict.Ignore)
        {
            var names = ImageNaming.Names(fileset.Name, info.Series).ToHashSet();
            var sameName = (await records.ListImagesAsync(import.RepositoryUuid)).Where(i => names.Contains(i.Name)).ToList();
            if (sameName.Count > 0)
            {
                return await LinkAsync(import, fileset, sha256, readerName, sameName);
            }
        }

        await FilesetRecords.UpdateAsync(records, import, fileset, f => f with { Status = FilesetStatus.Processing, Reader = readerName, Sha256 = sha256 });
        return new FileScan(sha256, [], info.Series, null);
    }

    private async Task<string> HashAsync(string key)
    {
        await using var stream = await objects.GetAsync(key)
            ?? throw new InvalidOperationException($"Uploaded file {key} disappeared before it was scanned.");
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream.Content));
    }

    /// <summary>The images that still exist (a replaced image leaves the hash index until it is rewritten).</summary>
    private async Task<List<ImageRecord>> ExistingImagesAsync(ImportRef import, IReadOnlyList<string> uuids)
    {
        var found = await Task.WhenAll(uuids.Select(u => records.GetImageAsync(import.Owner, u)));
        return found.OfType<ImageRecord>().ToList();
    }

    /// <summary>The file adds nothing new: its fileset points at existing images, and the upload gets the repository's raw-storage policy.</summary>
    private async Task<FileScan> LinkAsync(ImportRef import, FilesetRef fileset, string sha256, string reader, IReadOnlyList<ImageRecord> images)
    {
        var uuids = images.Select(i => i.Uuid).ToList();
        await rawStorage.ApplyAsync(import.Owner, import.RepositoryUuid, fileset.SourceKey);
        await FilesetRecords.UpdateAsync(records, import, fileset, f => f with
        {
            Status = FilesetStatus.Complete,
            Progress = 1,
            Reader = reader,
            Sha256 = sha256,
            ImageUuids = uuids,
        });
        return new FileScan(sha256, uuids, [], null);
    }
}
