using Minerva.Tiling.IO;
using Minerva.Tiling.Model;
using Minerva.Tiling.Pyramid.Downsampling;
using Minerva.Tiling.Zarr;
using Minerva.Tiling.Zarr.Codecs;

namespace Minerva.Tiling.Pyramid;

/// <summary>Moves a region's pixels between its planes in memory and the Zarr chunks of one level.</summary>
internal sealed class RegionChunks(PyramidPlan plan, Region region, IChunkCodec codec, IChunkStore store)
{
    private readonly PixelType _type = plan.Series.PixelType;
    private readonly int _sampleSize = plan.Series.PixelType.SampleSize();

    /// <summary>
    /// Writes every chunk of <paramref name="area"/> at <paramref name="level"/>, for each of the region's channels,
    /// as many at once as the store takes (<see cref="IChunkStore.Concurrency"/>): an object store spends most of a
    /// write waiting. Edge chunks are stored whole, padded with zeros (the fill value), as Zarr v2 requires.
    /// </summary>
    public async Task WriteAsync(int level, RegionArea area, LargeBuffer pixels, CancellationToken cancellationToken)
    {
        var levelPlan = plan.Levels[level];
        int chunkBytes = levelPlan.ChunkY * levelPlan.ChunkX * _sampleSize;
        await ForEachChunkAsync(area.Y0, area.Y0 + area.Height, area.X0, area.X0 + area.Width, levelPlan, cancellationToken, async (c, y, x, ct) =>
        {
            LargeBuffer encoded = LargeBuffers.Rent(codec.MaxEncodedLength(chunkBytes));
            try
            {
                // The raw chunk is needed only while encoding, not while the write waits: back to the pool at once.
                int length;
                LargeBuffer chunk = LargeBuffers.Rent(chunkBytes);
                try
                {
                    length = EncodeChunk(levelPlan, area, pixels, c, y, x, chunk.Span[..chunkBytes], encoded.Span);
                }
                finally
                {
                    LargeBuffers.Return(chunk);
                }

                string key = ZarrKeys.Chunk(region.Series, level, region.T, region.C0 + c, region.Z, y / levelPlan.ChunkY, x / levelPlan.ChunkX);
                await store.WriteAsync(key, encoded.Memory[..length], ct).ConfigureAwait(false);
            }
            finally
            {
                LargeBuffers.Return(encoded);
            }
        }).ConfigureAwait(false);
    }

    private int EncodeChunk(LevelPlan level, RegionArea area, LargeBuffer pixels, int channel, long y0, long x0, Span<byte> chunk, Span<byte> encoded)
    {
        int rows = (int)Math.Min(level.ChunkY, area.Y0 + area.Height - y0);
        int columns = (int)Math.Min(level.ChunkX, area.X0 + area.Width - x0);
        int rowBytes = columns * _sampleSize;
        int chunkRowBytes = level.ChunkX * _sampleSize;
        if (rows < level.ChunkY || columns < level.ChunkX)
        {
            chunk.Clear();
        }

        var plane = PlaneOf(pixels, area, channel);
        for (int r = 0; r < rows; r++)
        {
            long offset = ((y0 - area.Y0 + r) * area.Width + (x0 - area.X0)) * _sampleSize;
            plane.Slice((int)offset, rowBytes).CopyTo(chunk.Slice(r * chunkRowBytes, rowBytes));
        }

        return codec.Encode(chunk, encoded);
    }

    /// <summary>
    /// Fills the region's planes (at its first level, <paramref name="area"/>) with the 2×2 mean of the level above,
    /// chunk by chunk: chunk edges are even, so no 2×2 block straddles two chunks, and chunks fill disjoint parts of
    /// the planes, so they are read as many at once as the store takes.
    /// </summary>
    public async Task ReadMeanOfLevelAboveAsync(RegionArea area, LargeBuffer pixels, CancellationToken cancellationToken)
    {
        int levelAbove = region.Level - 1;
        var above = plan.Levels[levelAbove];
        long yEnd = Math.Min(2 * (area.Y0 + area.Height), above.SizeY);
        long xEnd = Math.Min(2 * (area.X0 + area.Width), above.SizeX);
        int chunkBytes = above.ChunkY * above.ChunkX * _sampleSize;
        await ForEachChunkAsync(2 * area.Y0, yEnd, 2 * area.X0, xEnd, above, cancellationToken, async (c, y, x, ct) =>
        {
            LargeBuffer chunk = LargeBuffers.Rent(chunkBytes);
            LargeBuffer encoded = LargeBuffers.Rent(codec.MaxEncodedLength(chunkBytes));
            try
            {
                string key = ZarrKeys.Chunk(region.Series, levelAbove, region.T, region.C0 + c, region.Z, y / above.ChunkY, x / above.ChunkX);
                int length = await store.TryReadIntoAsync(key, encoded.Memory, ct).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Chunk {key} is missing: the step that writes level {levelAbove} must finish first.");
                codec.Decode(encoded.Span[..length], chunk.Span[..chunkBytes]);
                int rows = (int)Math.Min(above.ChunkY, above.SizeY - y);
                int columns = (int)Math.Min(above.ChunkX, above.SizeX - x);
                long offset = ((y / 2 - area.Y0) * area.Width + (x / 2 - area.X0)) * _sampleSize;
                var destination = PlaneOf(pixels, area, c)[(int)offset..];
                MeanDownsampler.Downsample(_type, chunk.Span[..chunkBytes], above.ChunkX, rows, columns, destination, area.Width);
            }
            finally
            {
                LargeBuffers.Return(encoded);
                LargeBuffers.Return(chunk);
            }
        }).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="body"/> for every chunk origin (channel, y, x) of rows [y0, y1) and columns [x0, x1) of a level.</summary>
    private Task ForEachChunkAsync(
        long y0, long y1, long x0, long x1, LevelPlan level, CancellationToken cancellationToken, Func<int, long, long, CancellationToken, ValueTask> body)
    {
        var origins = new List<(int C, long Y, long X)>();
        for (int c = 0; c < region.CCount; c++)
        {
            for (long y = y0; y < y1; y += level.ChunkY)
            {
                for (long x = x0; x < x1; x += level.ChunkX)
                {
                    origins.Add((c, y, x));
                }
            }
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, store.Concurrency), CancellationToken = cancellationToken };
        return Parallel.ForEachAsync(origins, options, (o, ct) => body(o.C, o.Y, o.X, ct));
    }

    private Span<byte> PlaneOf(LargeBuffer pixels, RegionArea area, int channel)
    {
        int planeBytes = (int)area.PlaneSamples * _sampleSize;
        return pixels.Span.Slice(channel * planeBytes, planeBytes);
    }
}
