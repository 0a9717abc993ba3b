using Microsoft.DurableTask;
using Minerva.Service.Orchestration;
using Minerva.Service.Records;
using Minerva.Service.Storage;

namespace Minerva.Service.Activities;

/// <summary>
/// Records a fileset's progress, then the import's, recomputed from all its filesets' progress weighted by their region
/// counts. Files build concurrently and each writes absolute values, so a write lost to a race is corrected by the next.
/// </summary>
public sealed class RecordProgressActivity(IRecordStore records) : TaskActivity<ProgressUpdate, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, ProgressUpdate input)
    {
        double fraction = input.RegionsTotal == 0 ? 1 : (double)input.RegionsDone / input.RegionsTotal;
        await FilesetRecords.UpdateAsync(records, input.Import, input.Fileset, f => f with { Progress = fraction });

        var import = await records.GetImportAsync(input.Import.Owner, input.Import.Uuid);
        if (import is not { Status: ImportStatus.Processing })
        {
            return false;
        }

        var filesets = (await records.ListFilesetsAsync(input.Import.Uuid)).ToDictionary(f => f.Uuid);
        long regionsDone = input.ImportRegions.Sum(r =>
            filesets.TryGetValue(r.FilesetUuid, out var f) ? (long)Math.Round(f.Progress * r.Regions) : 0);
        await records.PutImportAsync(import with
        {
            Progress = import.Progress with { RegionsDone = regionsDone },
            Updated = DateTimeOffset.UtcNow,
        });
        return true;
    }
}
