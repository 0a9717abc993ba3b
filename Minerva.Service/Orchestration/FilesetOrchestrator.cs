using Microsoft.DurableTask;
using Minerva.Service.Activities;
using Minerva.Tiling.Pyramid;

namespace Minerva.Service.Orchestration;

/// <summary>
/// Builds the OME-Zarr pyramids of one uploaded file (its bioformats2raw root holds one image per series), then
/// records its images. Per series, each plan step fans out one activity per region and fans in before the next step
/// (a level is built from the one above). A sub-orchestration per file keeps each history to that file's regions,
/// and makes the file's metadata, which covers all its series, one write at the end.
/// </summary>
public sealed class FilesetOrchestrator : TaskOrchestrator<FilesetBuild, FilesetOutcome>
{
    public override async Task<FilesetOutcome> RunAsync(TaskOrchestrationContext context, FilesetBuild input)
    {
        string zarrRoot = ImportLayout.ZarrRoot(input.Import.Uuid, input.Fileset.Uuid);
        var plans = input.Series.Select(s => PyramidPlanner.Plan(s, input.Tiling)).ToList();
        long total = plans.Sum(p => (long)p.RegionCount);
        long done = 0;
        var windows = new List<IReadOnlyList<ChannelRange>>();
        foreach (var plan in plans)
        {
            var level0 = new ChannelWindows();
            foreach (var step in plan.Steps)
            {
                var outcomes = await Task.WhenAll(step.Regions.Select(region => context.CallActivityAsync<RegionOutcome>(
                    nameof(BuildRegionActivity),
                    new RegionRequest(input.Fileset.SourceKey, zarrRoot, plan.Series, input.Tiling, region),
                    ActivityRetry.Transient)));
                if (outcomes.FirstOrDefault(o => o.Error is not null) is { } failed)
                {
                    await context.CallActivityAsync(nameof(FailFilesetActivity), new FilesetFailure(input.Import, input.Fileset, input.Sha256, failed.Error!), ActivityRetry.Transient);
                    return new FilesetOutcome([], failed.Error);
                }

                foreach (var (region, outcome) in step.Regions.Zip(outcomes))
                {
                    if (region.Level == 0)
                    {
                        level0.Add(outcome.Result!);
                    }
                }

                done += step.Regions.Count;
                context.SetCustomStatus(new FilesetCustomStatus(input.Fileset.Uuid, input.Fileset.Name, done, total));
                await context.CallActivityAsync(
                    nameof(RecordProgressActivity),
                    new ProgressUpdate(input.Import, input.Fileset, input.Sha256, done, total, input.ImportRegions),
                    ActivityRetry.Transient);
            }

            windows.Add(level0.ToList());
        }

        return await context.CallActivityAsync<FilesetOutcome>(
            nameof(CompleteFilesetActivity),
            new FilesetCompletion(input.Import, input.Fileset, input.Sha256, input.Series, input.ImageUuids, input.Tiling, input.OnConflict, windows),
            ActivityRetry.Transient);
    }
}
