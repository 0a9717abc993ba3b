using Microsoft.DurableTask;
using Minerva.Service.Orchestration;
using Minerva.Service.Storage;
using Minerva.Tiling;
using Minerva.Tiling.Pyramid;

namespace Minerva.Service.Activities;

/// <summary>
/// Builds a run of consecutive regions of one plan step: reads the source by range from S3 and writes each region's
/// chunks (and those of the extra levels it covers) into the file's zarr root, a few regions at once, each admitted by
/// the pixels it holds (<see cref="RegionSlots"/>). Idempotent: building a region again writes the same bytes. A
/// damaged or unreadable source is reported in the outcome, so it is not retried.
/// </summary>
public sealed class BuildRegionsActivity(IObjectStore objects, SourceImages sources, RegionSlots slots) : TaskActivity<RegionRun, RegionOutcome>
{
    /// <summary>Regions of a run in flight at once: each keeps its own reads and writes going; the slots bound their memory.</summary>
    private const int RegionsAtOnce = 8;

    public override async Task<RegionOutcome> RunAsync(TaskActivityContext context, RegionRun input)
    {
        try
        {
            var source = await sources.GetAsync(input.Fileset);

            // The plan is a pure function of (series, options): recomputing it keeps it out of every activity's input.
            var plan = PyramidPlanner.Plan(source.Info.Series[input.Series], input.Tiling);
            var store = objects.ChunkStore(input.ZarrRoot);
            var ranges = new System.Collections.Concurrent.ConcurrentBag<ChannelRange>();
            var options = new ParallelOptions { MaxDegreeOfParallelism = RegionsAtOnce };
            await Parallel.ForEachAsync(plan.Steps[input.Step].Regions.Skip(input.First).Take(input.Count), options, async (region, ct) =>
            {
                using var slot = await slots.EnterAsync(RegionBuilder.PeakBytes(plan, region, store.Concurrency));
                var result = await RegionBuilder.BuildAsync(source, plan, region, store, ct);
                foreach (var range in result.Channels)
                {
                    ranges.Add(range);
                }
            });
            return new RegionOutcome(new RegionResult(ChannelRanges.Merge(ranges)), null);
        }
        catch (InvalidImageException e)
        {
            return new RegionOutcome(null, e.Message);
        }
    }
}
