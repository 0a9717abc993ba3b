using Minerva.Tiling.IO;
using Minerva.Tiling.Model;
using Minerva.Tiling.Pyramid;
using Minerva.Tiling.Zarr;
using Minerva.Tiling.Zarr.Codecs;

namespace Minerva.Tiling.Tests.Pyramid;

/// <summary>Assembles one written plane of one level from its chunks (cropping the zero padding of edge chunks).</summary>
internal static class ZarrPlaneReader
{
    public static async Task<byte[]> ReadAsync(IChunkStore store, PyramidPlan plan, int level, int t, int c, int z)
    {
        var series = plan.Series;
        var levelPlan = plan.Levels[level];
        int sampleSize = series.PixelType.SampleSize();
        var codec = ChunkCodecs.Create(plan.Options.Compressor, sampleSize);
        var plane = new byte[levelPlan.SizeY * levelPlan.SizeX * sampleSize];
        var chunk = new byte[levelPlan.ChunkY * levelPlan.ChunkX * sampleSize];
        for (long y = 0; y < levelPlan.SizeY; y += levelPlan.ChunkY)
        {
            for (long x = 0; x < levelPlan.SizeX; x += levelPlan.ChunkX)
            {
                string key = ZarrKeys.Chunk(series.Index, level, t, c, z, y / levelPlan.ChunkY, x / levelPlan.ChunkX);
                byte[] encoded = await store.TryReadAsync(key) ?? throw new Xunit.Sdk.XunitException($"Chunk {key} was not written.");
                codec.Decode(encoded, chunk);
                int rows = (int)Math.Min(levelPlan.ChunkY, levelPlan.SizeY - y);
                int rowBytes = (int)Math.Min(levelPlan.ChunkX, levelPlan.SizeX - x) * sampleSize;
                for (int r = 0; r < rows; r++)
                {
                    chunk.AsSpan(r * levelPlan.ChunkX * sampleSize, rowBytes)
                        .CopyTo(plane.AsSpan((int)(((y + r) * levelPlan.SizeX + x) * sampleSize)));
                }
            }
        }

        return plane;
    }
}
