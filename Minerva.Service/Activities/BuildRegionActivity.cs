using Microsoft.DurableTask;
using Minerva.Service.Orchestration;
using Minerva.Service.Storage;
using Minerva.Tiling;
using Minerva.Tiling.Pyramid;

namespace Minerva.Service.Activities;

/// <summary>
/// Builds one region of a pyramid: reads the source by range from S3 and writes the region's chunks (and those of
/// the extra levels it covers) into the file's zarr root. Idempotent: building a region again writes the same bytes.
/// A damaged or unreadable source is reported in the outcome, so it is not retried.
/// </summary>
public sealed class BuildRegionActivity(IObjectStore objects, SourceImages sources, RegionSlots slots) : TaskActivity<RegionRequest, RegionOutcome>
{
    public override async Task<RegionOutcome> RunAsync(TaskActivityContext context, RegionRequest input)
    {
        try
        {
            var source = await sources.GetAsync(input.Fileset);

            // The plan is a pure function of (series, options): recomputing it keeps it out of every activity's input.
            var plan = PyramidPlanner.Plan(source.Info.Series[input.Series], input.Tiling);
            using var slot = await slots.EnterAsync(plan.RegionBytes(input.Region));
            var result = await RegionBuilder.BuildAsync(source, plan, input.Region, objects.ChunkStore(input.ZarrRoot), CancellationToken.None);
            return new RegionOutcome(result, null);
        }
        catch (InvalidImageException e)
        {
            return new RegionOutcome(null, e.Message);
        }
    }
}
