using Microsoft.DurableTask;
using Minerva.Service.Activities;
using Minerva.Tiling.Pyramid;

namespace Minerva.Service.Orchestration;

/// <summary>
/// Builds one batch of a plan step's regions, one activity each, all at once (workers take them as they have room),
/// and publishes its progress in its custom status as each region finishes.
/// </summary>
public sealed class RegionBatchOrchestrator : TaskOrchestrator<RegionBatch, BatchOutcome>
{
    public override async Task<BatchOutcome> RunAsync(TaskOrchestrationContext context, RegionBatch input)
    {
        // The plan is a pure function of (series, options), so the orchestrator may recompute it instead of carrying it.
        var plan = PyramidPlanner.Plan(input.Series, input.Tiling);
        var regions = plan.Steps[input.Step].Regions.Skip(input.First).Take(input.Count).ToList();
        long regionsDone = 0, bytesDone = 0;
        var outcomes = await Task.WhenAll(regions.Select(async region =>
        {
            var outcome = await context.CallActivityAsync<RegionOutcome>(
                nameof(BuildRegionActivity),
                new RegionRequest(input.Fileset, input.ZarrRoot, input.Series.Index, input.Tiling, region),
                ActivityRetry.Transient);
            regionsDone++;
            bytesDone += plan.RegionBytes(region);
            context.SetCustomStatus(new BatchCustomStatus(input.Fileset.Uuid, input.Series.Index, input.Step, regionsDone, bytesDone));
            return outcome;
        }));

        return outcomes.FirstOrDefault(o => o.Error is not null) is { } failed
            ? new BatchOutcome([], failed.Error)
            : new BatchOutcome(ChannelRanges.Merge(outcomes.SelectMany(o => o.Result!.Channels)), null);
    }
}
