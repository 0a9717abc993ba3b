using System.Text.Json.Nodes;
using Minerva.Tiling.IO;
using Minerva.Tiling.Model;
using Minerva.Tiling.Pyramid;
using Minerva.Tiling.Tests.Pyramid;
using Minerva.Tiling.Zarr;

namespace Minerva.Tiling.Tests.Zarr;

public class ZarrMetadataTests
{
    private static readonly SeriesInfo Series = new(
        1, "slide", 2, 2, 3, 3000, 2500, PixelType.UInt16,
        new PhysicalSizes(0.5, "micrometer", 0.25, "micrometer", 2, "nanometer"),
        [new ChannelInfo("DAPI", unchecked((int)0x0000FFFF)), new ChannelInfo(null, null)],
        [new StoredLevel(0, 3000, 2500)]);

    private static async Task<(TempDirectory Folder, DirectoryChunkStore Store)> WriteAsync(string? omeXml, Compressor compressor = Compressor.BloscLz4)
    {
        var folder = new TempDirectory();
        var store = new DirectoryChunkStore(folder.Path);
        var plan = PyramidPlanner.Plan(Series, new TileOptions(Compressor: compressor));
        var info = new ImageInfo(omeXml, [Series with { Index = 0, Name = "other" }, Series]);
        await ZarrMetadata.WriteAsync(info, [new SeriesPyramid(plan, [new ChannelRange(0, 12, 4000)])], store, CancellationToken.None);
        return (folder, store);
    }

    private static JsonNode Json(TempDirectory folder, string key) => JsonNode.Parse(File.ReadAllText(Path.Combine(folder.Path, key)))!;

    [Fact]
    public async Task WriteAsync_Root_HasBioformats2rawLayoutAndSeriesList()
    {
        var (folder, _) = await WriteAsync("<OME>source</OME>");
        using var cleanup = folder;

        Assert.Equal(2, (int)Json(folder, ".zgroup")["zarr_format"]!);
        Assert.Equal(3, (int)Json(folder, ".zattrs")["bioformats2raw.layout"]!);
        Assert.Equal(2, (int)Json(folder, "OME/.zgroup")["zarr_format"]!);
        Assert.Equal(["1"], Json(folder, "OME/.zattrs")["series"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("<OME>source</OME>", File.ReadAllText(Path.Combine(folder.Path, "OME/METADATA.ome.xml")));
        Assert.True(File.Exists(Path.Combine(folder.Path, "1/.zgroup")));
    }

    [Fact]
    public async Task WriteAsync_Multiscales_HasAxesUnitsAndDoublingScales()
    {
        var (folder, _) = await WriteAsync(null);
        using var cleanup = folder;

        var multiscale = Json(folder, "1/.zattrs")["multiscales"]![0]!;
        Assert.Equal("0.4", (string)multiscale["version"]!);
        Assert.Equal(
            """[{"name":"t","type":"time"},{"name":"c","type":"channel"},{"name":"z","type":"space","unit":"nanometer"},{"name":"y","type":"space","unit":"micrometer"},{"name":"x","type":"space","unit":"micrometer"}]""",
            multiscale["axes"]!.ToJsonString());
        var datasets = multiscale["datasets"]!.AsArray();
        Assert.Equal(["0", "1", "2"], datasets.Select(d => (string)d!["path"]!));
        Assert.Equal(
            """[{"type":"scale","scale":[1,1,2,1,2]}]""",
            datasets[2]!["coordinateTransformations"]!.ToJsonString());
    }

    [Fact]
    public async Task WriteAsync_Omero_HasLabelsColoursAndWindows()
    {
        var (folder, _) = await WriteAsync(null);
        using var cleanup = folder;

        var channels = Json(folder, "1/.zattrs")["omero"]!["channels"]!.AsArray();
        Assert.Equal(
            """{"label":"DAPI","color":"0000FF","active":true,"coefficient":1,"family":"linear","inverted":false,"window":{"min":12,"max":4000,"start":12,"end":4000}}""",
            channels[0]!.ToJsonString());
        Assert.Equal("Channel 1", (string)channels[1]!["label"]!);
        Assert.Equal("00FF00", (string)channels[1]!["color"]!);
        Assert.Equal(65535, (double)channels[1]!["window"]!["max"]!);
    }

    [Theory]
    [InlineData(Compressor.BloscLz4, """{"id":"blosc","cname":"lz4","clevel":5,"shuffle":1,"blocksize":0}""")]
    [InlineData(Compressor.BloscZstd, """{"id":"blosc","cname":"zstd","clevel":1,"shuffle":1,"blocksize":0}""")]
    [InlineData(Compressor.Zlib, """{"id":"zlib","level":1}""")]
    [InlineData(Compressor.None, "null")]
    public async Task WriteAsync_Zarray_DescribesEachLevel(Compressor compressor, string compressorJson)
    {
        var (folder, _) = await WriteAsync(null, compressor);
        using var cleanup = folder;

        var level0 = Json(folder, "1/0/.zarray");
        var level2 = Json(folder, "1/2/.zarray");
        Assert.Equal("[2,2,3,3000,2500]", level0["shape"]!.ToJsonString());
        Assert.Equal("[1,1,1,1024,1024]", level0["chunks"]!.ToJsonString());
        Assert.Equal("[1,1,1,750,625]", level2["chunks"]!.ToJsonString());
        Assert.Equal("<u2", (string)level0["dtype"]!);
        Assert.Equal("/", (string)level0["dimension_separator"]!);
        Assert.Equal("C", (string)level0["order"]!);
        Assert.Equal(0, (int)level0["fill_value"]!);
        Assert.Equal(2, (int)level0["zarr_format"]!);
        Assert.Equal(compressorJson, level0["compressor"]?.ToJsonString() ?? "null");
    }

    [Fact]
    public async Task WriteAsync_NoOmeXml_GeneratesAnOmeXmlPerSeries()
    {
        var (folder, _) = await WriteAsync(null);
        using var cleanup = folder;

        var xml = System.Xml.Linq.XDocument.Load(Path.Combine(folder.Path, "OME/METADATA.ome.xml"));
        System.Xml.Linq.XNamespace ome = "http://www.openmicroscopy.org/Schemas/OME/2016-06";
        var pixels = xml.Descendants(ome + "Pixels").ToList();
        Assert.Equal(2, pixels.Count);
        Assert.Equal("uint16", (string)pixels[1].Attribute("Type")!);
        Assert.Equal("2500", (string)pixels[1].Attribute("SizeX")!);
        Assert.Equal(2, pixels[1].Elements(ome + "Channel").Count());
    }
}
