using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Minerva.Tiling.IO;
using Minerva.Tiling.Model;

namespace Minerva.Tiling.Zarr;

/// <summary>
/// Writes the metadata of a bioformats2raw-layout OME-Zarr: root group (<c>"bioformats2raw.layout": 3</c>),
/// <c>OME/</c> with the OME-XML and the list of series groups, and per series its NGFF group and level arrays.
/// Chunks are written separately, by regions.
/// </summary>
public static class ZarrMetadata
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task WriteAsync(ImageInfo info, IReadOnlyList<SeriesPyramid> series, IChunkStore store, CancellationToken cancellationToken)
    {
        var group = new JsonObject { ["zarr_format"] = 2 };
        await WriteJsonAsync(store, ".zgroup", group, cancellationToken).ConfigureAwait(false);
        await WriteJsonAsync(store, ".zattrs", new JsonObject { ["bioformats2raw.layout"] = 3 }, cancellationToken).ConfigureAwait(false);
        await WriteJsonAsync(store, "OME/.zgroup", group, cancellationToken).ConfigureAwait(false);
        var names = new JsonArray(series.Select(s => (JsonNode)ZarrKeys.Series(s.Plan.Series.Index)).ToArray());
        await WriteJsonAsync(store, "OME/.zattrs", new JsonObject { ["series"] = names }, cancellationToken).ConfigureAwait(false);
        string omeXml = info.OmeXml ?? OmeXmlGenerator.Generate(info);
        await store.WriteAsync("OME/METADATA.ome.xml", Encoding.UTF8.GetBytes(omeXml), cancellationToken).ConfigureAwait(false);

        foreach (var pyramid in series)
        {
            int index = pyramid.Plan.Series.Index;
            string prefix = ZarrKeys.Series(index);
            await WriteJsonAsync(store, $"{prefix}/.zgroup", group, cancellationToken).ConfigureAwait(false);
            await WriteJsonAsync(store, $"{prefix}/.zattrs", NgffAttributes.Create(pyramid), cancellationToken).ConfigureAwait(false);
            foreach (var level in pyramid.Plan.Levels)
            {
                string key = ZarrKeys.Level(index, level.Level) + "/.zarray";
                await WriteJsonAsync(store, key, ZarrArrayMetadata.Create(pyramid.Plan, level), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static ValueTask WriteJsonAsync(IChunkStore store, string key, JsonNode json, CancellationToken cancellationToken) =>
        store.WriteAsync(key, Encoding.UTF8.GetBytes(json.ToJsonString(Indented)), cancellationToken);
}
