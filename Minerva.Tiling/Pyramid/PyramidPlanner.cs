using Minerva.Tiling.Model;

namespace Minerva.Tiling.Pyramid;

/// <summary>
/// Plans a series' pyramid: level k+1 is ceil(level k / 2) in y and x until a level fits in one chunk;
/// a stored source level of level 0's size divided by 2^k (rounded up or down) is level k, read from the source
/// at its own size, and the levels below it halve from there; the other levels are 2×2 means.
/// Regions are squares of chunk·2^e pixels (aligned to their size) that fit <see cref="TileOptions.RegionBytes"/>,
/// so one region also yields e further levels of its own area, each still whole chunks.
/// </summary>
public static class PyramidPlanner
{
    public const int MinChunkSize = 64;
    public const int MaxChunkSize = 8192;
    private const int SpanChannelsMinExtraLevels = 2;

    /// <summary>Throws <see cref="ArgumentException"/> for a chunk size that is odd or outside [64, 8192].</summary>
    public static PyramidPlan Plan(SeriesInfo series, TileOptions options)
    {
        ValidateOptions(options);
        var levels = PlanLevels(series, options.ChunkSize);
        int sampleSize = series.PixelType.SampleSize();
        // All channels in one region when that still yields two further levels: an interleaved (RGB) tile is then
        // decoded once, not once per channel. Otherwise one channel per region, with the larger region.
        int allChannelsExtra = MaxExtraLevels(options, sampleSize * series.SizeC);
        bool spanChannels = allChannelsExtra >= SpanChannelsMinExtraLevels;
        int channelsPerRegion = spanChannels ? series.SizeC : 1;
        int maxExtra = spanChannels ? allChannelsExtra : MaxExtraLevels(options, sampleSize);

        var steps = new List<PlanStep>();
        for (int level = 0; level < levels.Count;)
        {
            int extra = 0;
            while (extra < maxExtra && level + extra + 1 < levels.Count && levels[level + extra + 1].StoredLevel is null)
            {
                extra++;
            }

            steps.Add(new PlanStep(PlanRegions(series, levels[level], extra, (long)options.ChunkSize << extra, channelsPerRegion)));
            level += extra + 1;
        }

        return new PyramidPlan(series, options, levels, steps);
    }

    public static void ValidateOptions(TileOptions options)
    {
        if (options.ChunkSize is < MinChunkSize or > MaxChunkSize || options.ChunkSize % 2 != 0)
        {
            throw new ArgumentException($"Chunk size {options.ChunkSize} must be an even number from {MinChunkSize} to {MaxChunkSize}.", nameof(options));
        }

        if (options.RegionBytes <= 0)
        {
            throw new ArgumentException("Region bytes must be positive.", nameof(options));
        }
    }

    private static List<LevelPlan> PlanLevels(SeriesInfo series, int chunkSize)
    {
        var levels = new List<LevelPlan>();
        long sizeY = series.SizeY, sizeX = series.SizeX;
        while (true)
        {
            int k = levels.Count;
            var stored = k == 0 ? null : series.StoredLevels.FirstOrDefault(s => s.Index > 0 && IsLevel(series, s, k));
            if (stored is not null)
            {
                // A stored level is used at its own size: scanners round down (Aperio's 32914 / 4 = 8228).
                (sizeY, sizeX) = (stored.SizeY, stored.SizeX);
            }

            levels.Add(new LevelPlan(k, sizeY, sizeX, (int)Math.Min(chunkSize, sizeY), (int)Math.Min(chunkSize, sizeX), k == 0 ? 0 : stored?.Index));
            if (sizeY <= chunkSize && sizeX <= chunkSize)
            {
                return levels;
            }

            sizeY = (sizeY + 1) / 2;
            sizeX = (sizeX + 1) / 2;
        }
    }

    /// <summary>True when <paramref name="stored"/> is level 0 divided by 2^<paramref name="k"/>, rounded either way, in y and x.</summary>
    private static bool IsLevel(SeriesInfo series, StoredLevel stored, int k)
    {
        static bool Near(long full, long size, int k) => size >= full >> k && size <= ((full - 1) >> k) + 1;
        return k < 62 && Near(series.SizeY, stored.SizeY, k) && Near(series.SizeX, stored.SizeX, k);
    }

    /// <summary>The most further levels a region may yield: the largest e with (chunk·2^e)² pixels within RegionBytes.</summary>
    private static int MaxExtraLevels(TileOptions options, int pixelSize)
    {
        int extra = 0;
        while (extra < 16)
        {
            long side = (long)options.ChunkSize << (extra + 1);
            if (side * side * pixelSize > options.RegionBytes)
            {
                break;
            }

            extra++;
        }

        return extra;
    }

    private static List<Region> PlanRegions(SeriesInfo series, LevelPlan level, int extra, long side, int channelsPerRegion)
    {
        var regions = new List<Region>();
        for (int t = 0; t < series.SizeT; t++)
        {
            for (int c0 = 0; c0 < series.SizeC; c0 += channelsPerRegion)
            {
                for (int z = 0; z < series.SizeZ; z++)
                {
                    for (long y0 = 0; y0 < level.SizeY; y0 += side)
                    {
                        for (long x0 = 0; x0 < level.SizeX; x0 += side)
                        {
                            regions.Add(new Region(
                                series.Index, level.Level, extra, t, z, c0, channelsPerRegion,
                                y0, x0, Math.Min(side, level.SizeY - y0), Math.Min(side, level.SizeX - x0)));
                        }
                    }
                }
            }
        }

        return regions;
    }
}
