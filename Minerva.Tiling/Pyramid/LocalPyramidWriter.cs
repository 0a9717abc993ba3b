using System.Collections.Concurrent;
using Minerva.Tiling.IO;
using Minerva.Tiling.Zarr;

namespace Minerva.Tiling.Pyramid;

/// <summary>Progress of a local pyramid build: regions done out of all regions of all written series.</summary>
public readonly record struct PyramidProgress(int RegionsDone, int RegionsTotal);

/// <summary>
/// Builds OME-Zarr pyramids on this machine: plans each series, runs each step's regions on
/// <paramref name="threads"/> workers (at most that many regions in memory at once), then writes the metadata.
/// The service does the same with durable activities instead of local workers.
/// </summary>
public sealed class LocalPyramidWriter(int threads, IProgress<PyramidProgress>? progress = null)
{
    public async Task WriteAsync(IPixelSource source, IReadOnlyList<int> seriesIndices, TileOptions options, IChunkStore store, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var info = source.Info;
        var plans = seriesIndices.Select(i => PyramidPlanner.Plan(info.Series[i], options)).ToList();
        int total = plans.Sum(p => p.RegionCount);
        int done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        var written = new List<SeriesPyramid>();
        foreach (var plan in plans)
        {
            var ranges = new ConcurrentBag<ChannelRange>();
            foreach (var step in plan.Steps)
            {
                await Parallel.ForEachAsync(step.Regions, parallel, async (region, ct) =>
                {
                    var result = await RegionBuilder.BuildAsync(source, plan, region, store, ct).ConfigureAwait(false);
                    foreach (var range in result.Channels)
                    {
                        ranges.Add(range);
                    }

                    progress?.Report(new PyramidProgress(Interlocked.Increment(ref done), total));
                }).ConfigureAwait(false);
            }

            written.Add(new SeriesPyramid(plan, ChannelRanges.Merge(ranges)));
        }

        await ZarrMetadata.WriteAsync(info, written, store, cancellationToken).ConfigureAwait(false);
    }
}
