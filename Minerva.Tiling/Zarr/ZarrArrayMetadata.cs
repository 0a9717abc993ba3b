using System.Text.Json.Nodes;
using Minerva.Tiling.Model;
using Minerva.Tiling.Pyramid;
using Minerva.Tiling.Zarr.Codecs;

namespace Minerva.Tiling.Zarr;

/// <summary>The <c>.zarray</c> of one level: a t,c,z,y,x array with one (y, x) chunk per plane chunk.</summary>
internal static class ZarrArrayMetadata
{
    public static JsonObject Create(PyramidPlan plan, LevelPlan level)
    {
        var series = plan.Series;
        var codec = ChunkCodecs.Create(plan.Options.Compressor, series.PixelType.SampleSize());
        return new JsonObject
        {
            ["chunks"] = new JsonArray(1, 1, 1, level.ChunkY, level.ChunkX),
            ["compressor"] = codec.ZarrConfig,
            ["dimension_separator"] = "/",
            ["dtype"] = ZarrDtype.Of(series.PixelType),
            ["fill_value"] = 0,
            ["filters"] = null,
            ["order"] = "C",
            ["shape"] = new JsonArray(series.SizeT, series.SizeC, series.SizeZ, level.SizeY, level.SizeX),
            ["zarr_format"] = 2,
        };
    }
}
