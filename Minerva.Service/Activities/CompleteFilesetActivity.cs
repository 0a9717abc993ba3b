using Microsoft.DurableTask;
using Minerva.Service.Orchestration;
using Minerva.Service.Records;
using Minerva.Service.Storage;
using Minerva.Tiling.Pyramid;
using Minerva.Tiling.Zarr;

namespace Minerva.Service.Activities;

/// <summary>
/// Finishes a built file: writes its zarr metadata (bioformats2raw root, OME-XML, multiscales and omero windows),
/// settles name conflicts, records its images and the hash index, applies the raw-storage policy to the upload and
/// marks the fileset complete. A retry after it finished returns the recorded outcome (the upload may be gone by then).
/// </summary>
public sealed class CompleteFilesetActivity(IRecordStore records, IObjectStore objects, SourceImages sources, RawStoragePolicy rawStorage)
    : TaskActivity<FilesetCompletion, FilesetOutcome>
{
    public override async Task<FilesetOutcome> RunAsync(TaskActivityContext context, FilesetCompletion input)
    {
        var (import, fileset) = (input.Import, input.Fileset);
        if (await FilesetRecords.FindAsync(records, import, fileset) is { Status: FilesetStatus.Complete } done)
        {
            return new FilesetOutcome(done.ImageUuids, null);
        }

        string root = ImportLayout.ZarrRoot(import.Uuid, fileset.Uuid);
        var plans = input.Series.Select(s => PyramidPlanner.Plan(s, input.Tiling)).ToList();
        using (var source = await sources.OpenAsync(fileset.SourceKey))
        {
            await ZarrMetadata.WriteAsync(source.Info, [.. plans.Zip(input.Windows, (plan, windows) => new SeriesPyramid(plan, windows))], objects.ChunkStore(root), CancellationToken.None);
        }

        var names = await SettleNamesAsync(input);
        var now = DateTimeOffset.UtcNow;
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
        await FilesetRecords.UpdateAsync(records, import, fileset, f => f with
        {
            Status = FilesetStatus.Complete,
            Progress = 1,
            Error = null,
            ImageUuids = input.ImageUuids,
        });
        return new FilesetOutcome(input.ImageUuids, null);
    }

    /// <summary>
    /// The names the new images get. Replace removes the repository's images of the same name first; rename appends
    /// " (2)", " (3)", …; ignore keeps the name (a same-named image was already settled at scan time).
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
        await records.DeleteImageAsync(old);
        var sameHash = await records.FindImagesByHashAsync(old.RepositoryUuid, old.Sha256);
        await records.PutHashAsync(old.RepositoryUuid, old.Sha256, [.. sameHash.Where(u => u != old.Uuid)]);
        string root = ImportLayout.RootOf(old.Location);
        bool rootInUse = remaining.Any(r => ImportLayout.RootOf(r.Location) == root);
        await objects.DeletePrefixAsync(rootInUse ? old.Location + "/" : root);
    }
}
