using System.Text.Json.Nodes;
using Minerva.Cli.Tests.Support;
using Minerva.Testing.Slides;
using Tools = Minerva.Testing.Tools;

namespace Minerva.Cli.Tests.Tile;

/// <summary><c>minerva tile</c> on the whole-slide formats: Aperio SVS and Akoya QPTIFF, as tifffile and Debian's codec tools write them.</summary>
public sealed class TileSlideTests : IDisposable
{
    // zarr-python reads the output; each level above 0 must be the 2×2 mean (half up) of the one above, unless stored.
    private const string MeanCheck = """
        import sys, numpy, zarr
        root, stored = zarr.open(sys.argv[1], mode="r"), [int(s) for s in sys.argv[2].split(",") if s]
        levels = [root["0"][str(k)][:] for k in range(len(root["0"]))]
        for k in range(1, len(levels)):
            if k in stored:
                continue
            a = levels[k - 1].astype(numpy.uint32)
            h, w = a.shape[-2:]
            p = numpy.pad(a, [(0, 0)] * 3 + [(0, h % 2), (0, w % 2)], mode="edge")
            count = numpy.ones((h + h % 2, w + w % 2), numpy.uint32)
            if h % 2: count[-1, :] = 0
            if w % 2: count[:, -1] = 0
            p = p * count
            s = p[..., 0::2, 0::2] + p[..., 1::2, 0::2] + p[..., 0::2, 1::2] + p[..., 1::2, 1::2]
            n = count[0::2, 0::2] + count[1::2, 0::2] + count[0::2, 1::2] + count[1::2, 1::2]
            mean = (s + n // 2) // n
            assert (mean == levels[k]).all(), f"level {k} is not the mean of level {k - 1}"
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("minerva-tile-slide-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Tile_Svs_WritesSlidePyramidAndAssociatedImages()
    {
        TestSlides.Write(PathOf("slide.svs"), TestSlides.Svs(1000, 700, TestSlideCodec.Jpeg));

        var (exitCode, _, stderr) = await MinervaProcess.RunLocalAsync("tile", PathOf("slide.svs"), PathOf("out.zarr"), "--chunk", "128");

        Assert.True(exitCode == 0, stderr);
        Assert.Equal(["0", "1", "2", "3"], Json("out.zarr/OME/.zattrs")["series"]!.AsArray().Select(n => (string)n!));
        var attributes = Json("out.zarr/0/.zattrs");
        Assert.Equal(["FF0000", "00FF00", "0000FF"], attributes["omero"]!["channels"]!.AsArray().Select(c => (string)c!["color"]!));
        var datasets = attributes["multiscales"]![0]!["datasets"]!.AsArray();
        Assert.Equal(TestSlides.SvsMpp, (double)datasets[0]!["coordinateTransformations"]![0]!["scale"]![4]!, 6);
        Assert.Equal("[1,3,1,175,250]", Json("out.zarr/0/2/.zarray")["shape"]!.ToJsonString());
        Assert.Equal(["label", "macro"], new[] { 2, 3 }.Select(s => (string)Json($"out.zarr/{s}/.zattrs")["multiscales"]![0]!["name"]!));
        Tools.CommandLine.Run("/usr/bin/python3", "-c", MeanCheck, PathOf("out.zarr"), "2");
    }

    [Fact]
    public async Task Tile_Qptiff_WritesNamedColouredChannels()
    {
        TestSlides.Write(PathOf("scan.qptiff"), TestSlides.Qptiff(600, 400, TestSlideCodec.Jpeg2000, [("DAPI", null, "0,0,255"), ("Opal 570", "CD3", "255,255,0")]));

        var (exitCode, _, stderr) = await MinervaProcess.RunLocalAsync("tile", PathOf("scan.qptiff"), PathOf("out.zarr"), "--chunk", "128");

        Assert.True(exitCode == 0, stderr);
        var channels = Json("out.zarr/0/.zattrs")["omero"]!["channels"]!.AsArray();
        Assert.Equal([("DAPI", "0000FF"), ("CD3", "FFFF00")], channels.Select(c => ((string)c!["label"]!, (string)c["color"]!)));
        Assert.Equal("[1,2,1,400,600]", Json("out.zarr/0/0/.zarray")["shape"]!.ToJsonString());
        Tools.CommandLine.Run("/usr/bin/python3", "-c", MeanCheck, PathOf("out.zarr"), "1,2");
    }

    [Theory]
    [InlineData(TestSlideCodec.Jpeg, TestSlideDamage.Cut)]
    [InlineData(TestSlideCodec.Jpeg2000Rgb, TestSlideDamage.Garble)]
    public async Task Tile_DamagedTile_Exits2WithOneLineAndLeavesNothing(TestSlideCodec codec, TestSlideDamage damage)
    {
        TestSlides.Write(PathOf("damaged.svs"), TestSlides.Svs(512, 384, codec, damage));

        var (exitCode, _, stderr) = await MinervaProcess.RunLocalAsync("tile", PathOf("damaged.svs"), PathOf("out.zarr"));

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("damaged.svs: tile 0 of IFD 0 cannot be decompressed", line);
        Assert.False(Directory.Exists(PathOf("out.zarr")));
    }

    private string PathOf(string name) => Path.Combine(_folder, name);

    private JsonNode Json(string relative) => JsonNode.Parse(File.ReadAllText(PathOf(relative)))!;
}
