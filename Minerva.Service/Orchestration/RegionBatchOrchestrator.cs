using Microsoft.DurableTask;
using Minerva.Service.Activities;
using Minerva.Tiling.Pyramid;

namespace Minerva.Service.Orchestration;

/// <summary>
/// Builds one batch of a plan step's regions, a run of regions per activity, all runs at once (workers take them as
/// they have room), and publishes its progress in its custom status as each run finishes.
/// </summary>
public sealed class RegionBatchOrchestrator : TaskOrchestrator<RegionBatch, BatchOutcome>
{
    public override async Task<BatchOutcome> RunAsync(TaskOrchestrationContext context, RegionBatch input)
    {
        // The plan is a pure function of (series, options), so the orchestrator may recompute it instead of carrying it.
        var plan = PyramidPlanner.Plan(input.Series, input.Tiling);
        var regions = plan.Steps[input.Step].Regions;
        long regionsDone = 0, bytesDone = 0;
        var runs = Enumerable.Range(0, (input.Count + input.RunLength - 1) / input.RunLength)
            .Select(r => (First: input.First + (r * input.RunLength), Count: Math.Min(input.RunLength, input.Count - (r * input.RunLength))));
        var outcomes = await Task.WhenAll(runs.Select(async run =>
        {
            var outcome = await context.CallActivityAsync<RegionOutcome>(
                nameof(BuildRegionsActivity),
                new RegionRun(input.Fileset, input.ZarrRoot, input.Series.Index, input.Tiling, input.Step, run.First, run.Count),
                ActivityRetry.Transient);
            regionsDone += run.Count;
            bytesDone += regions.Skip(run.First).Take(run.Count).Sum(plan.RegionBytes);
            context.SetCustomStatus(new BatchCustomStatus(input.Fileset.Uuid, input.Series.Index, input.Step, regionsDone, bytesDone));
            return outcome;
        }));

        return outcomes.FirstOrDefault(o => o.Error is not null) is { } failed
            ? new BatchOutcome([], failed.Error)
            : new BatchOutcome(ChannelRanges.Merge(outcomes.SelectMany(o => o.Result!.Channels)), null);
    }
}
