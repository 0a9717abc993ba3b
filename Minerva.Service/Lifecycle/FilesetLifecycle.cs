using Minerva.Service.Orchestration;
using Minerva.Service.Records;
using Minerva.Service.Storage;
using Minerva.Tiling.Model;
using Minerva.Tiling.Pyramid;
using Minerva.Tiling.Zarr;

namespace Minerva.Service.Lifecycle;

/// <summary>
/// The one home of a fileset's life: every change to a fileset's record, to the images and hash-index entries it
/// produces, and to its output in the bucket goes through here — linked at upload by its hash alone, inspected
/// (processing), linked to images the repository already holds, failed (its partial output removed), complete
/// (metadata, records, raw-storage policy), or removed with its import when that is cancelled. Each step is
/// idempotent: the activities that call it may run again after a crash.
/// </summary>
public sealed class FilesetLifecycle(IRecordStore records, IObjectStore objects, RawStoragePolicy rawStorage, TimeProvider clock)
{
    /// <summary>Reader name recorded for a file no reader could open.</summary>
    public const string NoReader = "none";

    /// <summary>Reader name of a fileset answered by images the repository already held.</summary>
    public const string Linked = "linked";

    /// <summary>
    /// A file sent through POST /import/{uuid}/files by its hash alone, which the repository already holds: it becomes
    /// a complete fileset of the import pointing at those images, with nothing uploaded.
    /// </summary>
    public Task LinkedAtUploadAsync(ImportRecord import, string name, string sha256, IReadOnlyList<string> imageUuids, CancellationToken ct) =>
        records.PutFilesetAsync(
            new FilesetRecord(Guid.NewGuid().ToString(), import.Uuid, import.Owner, name, "", Linked, FilesetStatus.Complete, 1, null, sha256, imageUuids, clock.GetUtcNow()),
            ct);

    /// <summary>
    /// A cancelled import's outputs: its uploads and everything under its output prefix (zarr roots whose records are
    /// not written yet included), and the records and hash-index entries of the images it produced. Images it only
    /// linked to (built by an earlier import) belong to that import and are kept.
    /// </summary>
    public async Task RemoveImportAsync(ImportRecord import, CancellationToken ct)
    {
        await objects.DeletePrefixAsync(ImportLayout.UploadPrefix(import.Uuid), ct);
        await objects.DeletePrefixAsync(objects.ArchiveKey(ImportLayout.UploadPrefix(import.Uuid)), ct); // originals already archived
        await objects.DeletePrefixAsync(ImportLayout.OutputPrefix(import.Uuid), ct);
        var filesets = await records.ListFilesetsAsync(import.Uuid, ct);
        var own = filesets.Select(f => f.Uuid).ToHashSet(StringComparer.Ordinal);
        foreach (var imageUuid in filesets.SelectMany(f => f.ImageUuids).Distinct(StringComparer.Ordinal))
        {
            if (await records.GetImageAsync(import.Owner, imageUuid, ct) is { } image && own.Contains(image.FilesetUuid))
            {
                // Its objects are under the output prefix, unless an earlier layout put them elsewhere.
                await objects.DeletePrefixAsync(image.Location.TrimEnd('/') + "/", ct);
                await ForgetImageAsync(image, ct);
            }
        }
    }

    /// <summary>The file is a readable image and its pyramid is being built.</summary>
    public Task InspectedAsync(ImportRef import, FilesetRef fileset, string reader) =>
        UpdateAsync(import, fileset, f => f with { Status = FilesetStatus.Processing, Reader = reader });

    /// <summary>The file adds nothing new: its fileset points at existing images, and the upload gets the repository's raw-storage policy.</summary>
    public async Task LinkAsync(ImportRef import, FilesetRef fileset, string reader, string? sha256, IReadOnlyList<string> imageUuids)
    {
        await rawStorage.ApplyAsync(import.Owner, import.RepositoryUuid, fileset.SourceKey);
        await UpdateAsync(import, fileset, f => f with
        {
            Status = FilesetStatus.Complete,
            Progress = 1,
            Reader = reader,
            Sha256 = sha256 ?? f.Sha256,
            ImageUuids = imageUuids,
            Error = null,
        });
    }

    /// <summary>
    /// The file failed with <paramref name="error"/>: recorded first (the failure may be the object store's own), then
    /// whatever of its pyramid was written is removed.
    /// </summary>
    public async Task FailAsync(ImportRef import, FilesetRef fileset, string error, string? sha256)
    {
        await UpdateAsync(import, fileset, f => f with { Status = FilesetStatus.Failed, Error = error, Sha256 = sha256 ?? f.Sha256 });
        await objects.DeletePrefixAsync(ImportLayout.ZarrRoot(import.Uuid, fileset.Uuid));
    }

    /// <summary>The images of the repository built from a file with this hash that still exist (a replaced image may linger in the index).</summary>
    public async Task<IReadOnlyList<ImageRecord>> ImagesWithHashAsync(ImportRef import, string sha256)
    {
        var uuids = await records.FindImagesByHashAsync(import.RepositoryUuid, sha256);
        var found = await Task.WhenAll(uuids.Select(u => records.GetImageAsync(import.Owner, u)));
        return [.. found.OfType<ImageRecord>()];
    }

    /// <summary>The repository's images named as this file's images would be (for on_conflict ignore).</summary>
    public async Task<IReadOnlyList<ImageRecord>> ImagesNamedAsync(ImportRef import, string fileName, IReadOnlyList<SeriesInfo> series)
    {
        var names = ImageNaming.Names(fileName, series).ToHashSet();
        return [.. (await records.ListImagesAsync(import.RepositoryUuid)).Where(i => names.Contains(i.Name))];
    }

    /// <summary>
    /// Finishes a built file: when the repository turned out to hold its content already (its hash was known only
    /// after building), links to those images and removes what was built; otherwise writes its zarr metadata
    /// (bioformats2raw root, OME-XML, multiscales and omero windows), settles name conflicts, records its images and
    /// the hash index, applies the raw-storage policy and marks the fileset complete. A retry after it finished
    /// returns the recorded outcome (the upload may be gone by then).
    /// </summary>
    public async Task<FilesetOutcome> CompleteAsync(FilesetCompletion input, Func<Task<ImageInfo>> sourceInfo)
    {
        var (import, fileset) = (input.Import, input.Fileset);
        if (await FindAsync(import, fileset) is { Status: FilesetStatus.Complete } done)
        {
            return new FilesetOutcome(done.ImageUuids, null);
        }

        string root = ImportLayout.ZarrRoot(import.Uuid, fileset.Uuid);
        var sameContent = (await ImagesWithHashAsync(import, input.Sha256)).Where(i => !input.ImageUuids.Contains(i.Uuid)).ToList();
        if (sameContent.Count > 0)
        {
            await objects.DeletePrefixAsync(root);
            var linked = sameContent.Select(i => i.Uuid).ToList();
            await LinkAsync(import, fileset, Linked, input.Sha256, linked);
            return new FilesetOutcome(linked, null);
        }

        var plans = input.Series.Select(s => PyramidPlanner.Plan(s, input.Tiling)).ToList();
        await ZarrMetadata.WriteAsync(await sourceInfo(), [.. plans.Zip(input.Windows, (plan, windows) => new SeriesPyramid(plan, windows))], objects.ChunkStore(root), CancellationToken.None);

        var names = await SettleNamesAsync(input);
        var now = clock.GetUtcNow();
        for (int i = 0; i < input.Series.Count; i++)
        {
            var series = input.Series[i];
            await records.PutImageAsync(new ImageRecord(
                input.ImageUuids[i], import.Owner, import.RepositoryUuid, fileset.Uuid, names[i], series.Index,
                ImportLayout.ImageLocation(root, series.Index), plans[i].Levels.Count, ImageDescriptions.Shape(series),
                ImageDescriptions.Dtype(series.PixelType), ImageDescriptions.Channels(series), input.Sha256, now));
        }

        await records.PutHashAsync(import.RepositoryUuid, input.Sha256, input.ImageUuids);
        await rawStorage.ApplyAsync(import.Owner, import.RepositoryUuid, fileset.SourceKey);
        await UpdateAsync(import, fileset, f => f with
        {
            Status = FilesetStatus.Complete,
            Progress = 1,
            Error = null,
            Sha256 = input.Sha256,
            ImageUuids = input.ImageUuids,
        });
        return new FilesetOutcome(input.ImageUuids, null);
    }

    /// <summary>
    /// The names the new images get. Replace removes the repository's images of the same name first; rename appends
    /// " (2)", " (3)", …; ignore keeps the name (a same-named image was already settled at inspection).
    /// </summary>
    private async Task<IReadOnlyList<string>> SettleNamesAsync(FilesetCompletion input)
    {
        var wanted = ImageNaming.Names(input.Fileset.Name, input.Series);
        var others = (await records.ListImagesAsync(input.Import.RepositoryUuid))
            .Where(i => !input.ImageUuids.Contains(i.Uuid))
            .ToList();
        switch (input.OnConflict)
        {
            case OnConflict.Replace:
                var replaced = others.Where(o => wanted.Contains(o.Name)).ToList();
                foreach (var old in replaced)
                {
                    await RemoveImageAsync(old, others.Except(replaced));
                }

                return wanted;
            case OnConflict.Rename:
                var taken = others.Select(o => o.Name).ToHashSet();
                return [.. wanted.Select(name =>
                {
                    string unique = ImageNaming.Unique(name, taken);
                    taken.Add(unique);
                    return unique;
                })];
            default:
                return wanted;
        }
    }

    /// <summary>Removes a superseded image: its record, its hash-index entry, its series group, and its zarr root once no image uses it.</summary>
    private async Task RemoveImageAsync(ImageRecord old, IEnumerable<ImageRecord> remaining)
    {
        await ForgetImageAsync(old, CancellationToken.None);
        string root = ImportLayout.RootOf(old.Location);
        bool rootInUse = remaining.Any(r => ImportLayout.RootOf(r.Location) == root);
        await objects.DeletePrefixAsync(rootInUse ? old.Location + "/" : root);
    }

    /// <summary>Removes an image's record and its entry in the repository's hash index.</summary>
    private async Task ForgetImageAsync(ImageRecord image, CancellationToken ct)
    {
        var sameHash = await records.FindImagesByHashAsync(image.RepositoryUuid, image.Sha256, ct);
        await records.PutHashAsync(image.RepositoryUuid, image.Sha256, [.. sameHash.Where(u => u != image.Uuid)], ct);
        await records.DeleteImageAsync(image, ct);
    }

    private async Task<FilesetRecord?> FindAsync(ImportRef import, FilesetRef fileset) =>
        (await records.ListFilesetsAsync(import.Uuid)).FirstOrDefault(f => f.Uuid == fileset.Uuid);

    /// <summary>Read-modify-write of one fileset record; each fileset has one writer at a time (its own orchestration).</summary>
    private async Task UpdateAsync(ImportRef import, FilesetRef fileset, Func<FilesetRecord, FilesetRecord> change)
    {
        var current = await FindAsync(import, fileset) ?? new FilesetRecord(
            fileset.Uuid, import.Uuid, import.Owner, fileset.Name, fileset.SourceKey, NoReader,
            FilesetStatus.Pending, 0, null, null, [], clock.GetUtcNow());
        await records.PutFilesetAsync(change(current) with { Updated = clock.GetUtcNow() });
    }
}
