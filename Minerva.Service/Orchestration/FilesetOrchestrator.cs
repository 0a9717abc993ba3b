using Microsoft.DurableTask;
using Minerva.Service.Activities;
using Minerva.Tiling.Model;
using Minerva.Tiling.Pyramid;

namespace Minerva.Service.Orchestration;

/// <summary>
/// Builds the OME-Zarr pyramids of one uploaded file (its bioformats2raw root holds one image per series), then
/// records its images. The file is inspected first (a file already in the repository is linked, a bad one fails
/// here); its SHA-256 is computed while the pyramid is built, not before. Each series' plan steps run one after the
/// other (a level is built from the one above). A step's regions are built in runs of about
/// <see cref="TilingOptions.ActivityBytes"/> of pixels, one activity each, and the runs in batches of at most
/// <see cref="BatchSize"/>, each batch its own sub-orchestration: no history grows with the image.
/// </summary>
public sealed class FilesetOrchestrator : TaskOrchestrator<FilesetBuild, FilesetOutcome>
{
    /// <summary>Activities per batch sub-orchestration; its history holds about two events per activity.</summary>
    public const int BatchSize = 128;

    public override async Task<FilesetOutcome> RunAsync(TaskOrchestrationContext context, FilesetBuild input)
    {
        var (import, fileset) = (input.Import, input.Fileset);
        var status = new FilesetCustomStatus(fileset.Uuid, fileset.Name, "Inspecting", null, []);
        context.SetCustomStatus(status);
        var inspection = await context.CallActivityAsync<FileInspection>(
            nameof(InspectFileActivity), new InspectRequest(import, fileset, input.OnConflict), ActivityRetry.Transient);
        if (inspection.Error is not null || inspection.LinkedImages.Count > 0)
        {
            context.SetCustomStatus(status with { Phase = inspection.Error is null ? "Linked" : "Failed" });
            return new FilesetOutcome(inspection.LinkedImages, inspection.Error);
        }

        // Reading the whole file once more for its hash must not delay the first tile: it runs beside the build.
        var hashing = context.CallActivityAsync<string>(nameof(HashFileActivity), fileset, ActivityRetry.Transient);
        var imageUuids = inspection.Series.Select(_ => context.NewGuid().ToString()).ToList();
        var plans = inspection.Series.Select(s => PyramidPlanner.Plan(s, input.Tiling)).ToList();
        status = status with { Phase = "Building", BuildStarted = context.CurrentUtcDateTime, Steps = [.. plans.SelectMany(Totals)] };
        context.SetCustomStatus(status);

        string root = ImportLayout.ZarrRoot(import.Uuid, fileset.Uuid);
        var built = await Task.WhenAll(plans.Select(plan => BuildSeriesAsync(context, fileset, root, plan, input.ActivityBytes)));
        string? error = built.Select(b => b.Error).FirstOrDefault(e => e is not null);

        string? sha256 = null;
        try
        {
            sha256 = await hashing;
        }
        catch (TaskFailedException e)
        {
            error ??= $"{fileset.Name}: it could not be hashed: {TaskFailures.Reason(e)}";
        }

        if (error is null && inspection.DeclaredSha256 is { } declared && declared != sha256)
        {
            error = $"{fileset.Name}: its content has SHA-256 {sha256}, not the {declared} declared at upload.";
        }

        if (error is not null)
        {
            context.SetCustomStatus(status with { Phase = "Failed" });
            await RecordFailureAsync(context, new FilesetFailure(import, fileset, sha256, error));
            return new FilesetOutcome([], error);
        }

        var outcome = await context.CallActivityAsync<FilesetOutcome>(
            nameof(CompleteFilesetActivity),
            new FilesetCompletion(import, fileset, sha256!, inspection.Series, imageUuids, input.Tiling, input.OnConflict, [.. built.Select(b => b.Channels)]),
            ActivityRetry.Transient);
        context.SetCustomStatus(status with { Phase = "Complete" });
        return outcome with { Built = LiveProgress.Built(status.Steps) };
    }

    /// <summary>
    /// Records the fileset failed with its error (<see cref="FailFilesetActivity"/>: the record first, then its partial
    /// output removed). When that still fails after its retries, the object store that failed the build is most likely
    /// down: the record was written before the removal was tried, and the fileset's own error, not the removal's, is
    /// what the import must end with.
    /// </summary>
    internal static async Task RecordFailureAsync(TaskOrchestrationContext context, FilesetFailure failure)
    {
        try
        {
            await context.CallActivityAsync(nameof(FailFilesetActivity), failure, ActivityRetry.Transient);
        }
        catch (TaskFailedException)
        {
            // The failed attempts are in the engine's log; the caller reports failure.Error.
        }
    }

    /// <summary>Builds one series' steps in order; answers the channel windows seen at level 0, or the first error.</summary>
    private static async Task<BatchOutcome> BuildSeriesAsync(TaskOrchestrationContext context, FilesetRef fileset, string root, PyramidPlan plan, long activityBytes)
    {
        var level0 = new List<ChannelRange>();
        for (int step = 0; step < plan.Steps.Count; step++)
        {
            var regions = plan.Steps[step].Regions;
            int runLength = (int)Math.Clamp(activityBytes / plan.RegionBytes(regions[0]), 1, regions.Count);
            int runs = (regions.Count + runLength - 1) / runLength;
            int batches = (runs + BatchSize - 1) / BatchSize;
            var outcomes = await Task.WhenAll(Enumerable.Range(0, batches).Select(async b =>
            {
                // Near-equal batches: run floor(b·R/B) first keeps every batch within one run of the others.
                int first = (int)((long)b * runs / batches) * runLength;
                int next = Math.Min(regions.Count, (int)((long)(b + 1) * runs / batches) * runLength);
                try
                {
                    return await context.CallSubOrchestratorAsync<BatchOutcome>(
                        nameof(RegionBatchOrchestrator),
                        new RegionBatch(fileset, root, plan.Series, plan.Options, step, first, next - first, runLength),
                        new TaskOptions().WithInstanceId(ImportLayout.BatchInstanceId(context.InstanceId, plan.Series.Index, step, b)));
                }
                catch (TaskFailedException e)
                {
                    return new BatchOutcome([], $"{fileset.Name}: its pyramid could not be built: {TaskFailures.Reason(e)}");
                }
            }));
            if (outcomes.FirstOrDefault(o => o.Error is not null) is { } failed)
            {
                return failed;
            }

            level0.AddRange(outcomes.SelectMany(o => o.Channels));
        }

        return new BatchOutcome(ChannelRanges.Merge(level0), null);
    }

    private static IEnumerable<StepTotals> Totals(PyramidPlan plan) => plan.Steps.Select((step, i) => new StepTotals(
        plan.Series.Index,
        i,
        step.Regions[0].Level,
        step.Regions[0].Level + step.Regions[0].ExtraLevels,
        step.Regions.Count,
        step.Regions.Sum(plan.RegionBytes)));
}
