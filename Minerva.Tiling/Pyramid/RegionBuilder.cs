using Minerva.Tiling.IO;
using Minerva.Tiling.Model;
using Minerva.Tiling.Pyramid.Downsampling;
using Minerva.Tiling.Zarr.Codecs;

namespace Minerva.Tiling.Pyramid;

/// <summary>
/// Builds one <see cref="Region"/>: gets its pixels at its first level (from the source's stored level, or as the
/// 2×2 mean of the level above read back from the store), writes that level's chunks, then halves the pixels in
/// memory for each extra level and writes those chunks too. Same inputs, same bytes. Memory: the region's planes
/// twice over at most, from <see cref="LargeBuffers"/>.
/// </summary>
public static class RegionBuilder
{
    public static async Task<RegionResult> BuildAsync(IPixelSource source, PyramidPlan plan, Region region, IChunkStore store, CancellationToken cancellationToken)
    {
        Validate(plan, region);
        var type = plan.Series.PixelType;
        var codec = ChunkCodecs.Create(plan.Options.Compressor, type.SampleSize());
        var chunks = new RegionChunks(plan, region, codec, store);
        var area = new RegionArea(region.Y0, region.X0, (int)region.Height, (int)region.Width);
        LargeBuffer pixels = Rent(type, region, area);
        try
        {
            var level = plan.Levels[region.Level];
            var buffer = pixels.Memory[..PlanesBytes(type, region, area)];
            if (level.StoredLevel is int stored)
            {
                var rect = new PlaneRect(region.Series, stored, region.T, region.Z, region.C0, region.CCount, area.Y0, area.X0, area.Height, area.Width);
                await source.ReadAsync(rect, buffer, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await chunks.ReadMeanOfLevelAboveAsync(area, pixels, cancellationToken).ConfigureAwait(false);
            }

            var result = new RegionResult(region.Level == 0
                ? ChannelRanges.Measure(type, buffer.Span, region.CCount, area.PlaneSamples, region.C0)
                : []);

            for (int extra = 0; ; extra++)
            {
                await chunks.WriteAsync(region.Level + extra, area, pixels, cancellationToken).ConfigureAwait(false);
                if (extra == region.ExtraLevels)
                {
                    return result;
                }

                var half = area.Half();
                LargeBuffer halved = Rent(type, region, half);
                Halve(type, region.CCount, pixels, area, halved, half);
                LargeBuffers.Return(pixels);
                pixels = halved;
                area = half;
            }
        }
        finally
        {
            LargeBuffers.Return(pixels);
        }
    }

    /// <summary>
    /// The most buffer memory building <paramref name="region"/> holds at once: its planes and their halves, and a raw
    /// and an encoded chunk for each chunk read or write in flight (<paramref name="chunksInFlight"/>, the store's
    /// <see cref="IChunkStore.Concurrency"/>).
    /// </summary>
    public static long PeakBytes(PyramidPlan plan, Region region, int chunksInFlight)
    {
        var level = plan.Levels[region.Level];
        int sampleSize = plan.Series.PixelType.SampleSize();
        int chunkBytes = level.ChunkY * level.ChunkX * sampleSize;
        int encodedBytes = ChunkCodecs.Create(plan.Options.Compressor, sampleSize).MaxEncodedLength(chunkBytes);
        long planes = plan.RegionBytes(region);
        return planes + (planes / 4) + ((long)chunksInFlight * (chunkBytes + encodedBytes));
    }

    private static void Halve(PixelType type, int channels, LargeBuffer pixels, RegionArea area, LargeBuffer halved, RegionArea half)
    {
        int planeBytes = (int)area.PlaneSamples * type.SampleSize();
        int halfPlaneBytes = (int)half.PlaneSamples * type.SampleSize();
        for (int c = 0; c < channels; c++)
        {
            MeanDownsampler.Downsample(
                type,
                pixels.Span.Slice(c * planeBytes, planeBytes), area.Width, area.Height, area.Width,
                halved.Span.Slice(c * halfPlaneBytes, halfPlaneBytes), half.Width);
        }
    }

    private static LargeBuffer Rent(PixelType type, Region region, RegionArea area) => LargeBuffers.Rent(PlanesBytes(type, region, area));

    private static int PlanesBytes(PixelType type, Region region, RegionArea area) =>
        checked((int)(area.PlaneSamples * type.SampleSize() * region.CCount));

    private static void Validate(PyramidPlan plan, Region region)
    {
        var series = plan.Series;
        if (region.Series != series.Index || region.Level < 0 || region.ExtraLevels < 0 || region.Level + region.ExtraLevels >= plan.Levels.Count)
        {
            throw new ArgumentException($"Region {region} does not belong to the plan of series {series.Index}.", nameof(region));
        }

        var level = plan.Levels[region.Level];
        long alignment = (long)plan.Options.ChunkSize << region.ExtraLevels;
        bool inside = region.T >= 0 && region.T < series.SizeT && region.Z >= 0 && region.Z < series.SizeZ
            && region.C0 >= 0 && region.CCount > 0 && region.C0 + region.CCount <= series.SizeC
            && region.Height > 0 && region.Width > 0
            && region.Y0 + region.Height <= level.SizeY && region.X0 + region.Width <= level.SizeX;
        if (!inside || region.Y0 % alignment != 0 || region.X0 % alignment != 0)
        {
            throw new ArgumentException($"Region {region} lies outside level {region.Level} or is not aligned to {alignment} pixels.", nameof(region));
        }
    }
}
