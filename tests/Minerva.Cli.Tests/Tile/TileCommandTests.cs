using System.Text.Json.Nodes;
using Minerva.Cli.Tests.Support;
using Minerva.Testing.Tiff;
using Minerva.Tiling.Zarr.Codecs;

namespace Minerva.Cli.Tests.Tile;

public sealed class TileCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "minerva-tile-" + Guid.NewGuid().ToString("N"));

    public TileCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    private TestTiffImage WriteOmeTiff(string name) => TestTiff.Write(PathOf(name), new TestTiffSpec
    {
        Width = 1300,
        Height = 700,
        SizeC = 2,
        SizeZ = 2,
        SeriesCount = 2,
        TileSize = 256,
        Compression = TestCompression.AdobeDeflate,
        Content = TestContent.Smooth,
        Ome = new TestOme { PhysicalSizeX = 0.5, PhysicalSizeY = 0.5, PhysicalSizeUnit = "µm", ChannelNames = ["DAPI", "CD3"] },
    });

    private JsonNode Json(string relative) => JsonNode.Parse(File.ReadAllText(PathOf(relative)))!;

    [Fact]
    public async Task Tile_OmeTiff_WritesEverySeriesAndExits0()
    {
        var image = WriteOmeTiff("in.ome.tif");

        var (exitCode, _, stderr) = await MinervaProcess.RunLocalAsync("tile", PathOf("in.ome.tif"), PathOf("out.zarr"), "--chunk", "512");

        Assert.True(exitCode == 0, stderr);
        Assert.Equal(3, (int)Json("out.zarr/.zattrs")["bioformats2raw.layout"]!);
        Assert.Equal(["0", "1"], Json("out.zarr/OME/.zattrs")["series"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(File.ReadAllText(PathOf("out.zarr/OME/METADATA.ome.xml")), ReadOmeXml(PathOf("in.ome.tif")));
        var multiscale = Json("out.zarr/1/.zattrs")["multiscales"]![0]!;
        Assert.Equal(3, multiscale["datasets"]!.AsArray().Count);
        Assert.Equal("micrometer", (string)multiscale["axes"]![4]!["unit"]!);
        Assert.Equal("DAPI", (string)Json("out.zarr/1/.zattrs")["omero"]!["channels"]![0]!["label"]!);
        Assert.Equal("[1,2,2,700,1300]", Json("out.zarr/1/0/.zarray")["shape"]!.ToJsonString());
        Assert.Equal(image.Plane(1, 0, 0, 1, 1), ReadLevel0Plane("out.zarr/1/0", c: 1, z: 1, height: 700, width: 1300, chunk: 512));
    }

    [Fact]
    public async Task Tile_SeriesOption_WritesOnlyThatSeriesInTheSameLayout()
    {
        WriteOmeTiff("in.ome.tif");

        var (exitCode, _, stderr) = await MinervaProcess.RunLocalAsync("tile", PathOf("in.ome.tif"), PathOf("out.zarr"), "--series", "1", "--compressor", "zlib");

        Assert.True(exitCode == 0, stderr);
        Assert.Equal(["1"], Json("out.zarr/OME/.zattrs")["series"]!.AsArray().Select(n => (string)n!));
        Assert.False(Directory.Exists(PathOf("out.zarr/0")));
        Assert.Equal("zlib", (string)Json("out.zarr/1/0/.zarray")["compressor"]!["id"]!);
    }

    [Theory]
    [InlineData("not-a-tiff")]
    [InlineData("missing")]
    [InlineData("truncated")]
    [InlineData("series-out-of-range")]
    [InlineData("output-exists")]
    [InlineData("bad-compressor")]
    [InlineData("bad-chunk")]
    public async Task Tile_BadInput_Exits2WithOneLineAndLeavesNothing(string problem)
    {
        WriteOmeTiff("good.ome.tif");
        File.WriteAllText(PathOf("text.tif"), "this is not a TIFF at all");
        byte[] good = File.ReadAllBytes(PathOf("good.ome.tif"));
        File.WriteAllBytes(PathOf("truncated.ome.tif"), good[..(good.Length / 2)]);
        if (problem == "output-exists")
        {
            Directory.CreateDirectory(PathOf("out.zarr"));
        }

        string[] arguments = problem switch
        {
            "not-a-tiff" => ["tile", PathOf("text.tif"), PathOf("out.zarr")],
            "missing" => ["tile", PathOf("absent.tif"), PathOf("out.zarr")],
            "truncated" => ["tile", PathOf("truncated.ome.tif"), PathOf("out.zarr")],
            "series-out-of-range" => ["tile", PathOf("good.ome.tif"), PathOf("out.zarr"), "--series", "2"],
            "output-exists" => ["tile", PathOf("good.ome.tif"), PathOf("out.zarr")],
            "bad-compressor" => ["tile", PathOf("good.ome.tif"), PathOf("out.zarr"), "--compressor", "lzma"],
            _ => ["tile", PathOf("good.ome.tif"), PathOf("out.zarr"), "--chunk", "1000000"],
        };

        var (exitCode, _, stderr) = await MinervaProcess.RunLocalAsync(arguments);

        Assert.Equal(2, exitCode);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", stderr);
        var left = Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName).Order();
        Assert.Equal(problem == "output-exists" ? ["good.ome.tif", "out.zarr", "text.tif", "truncated.ome.tif"] : ["good.ome.tif", "text.tif", "truncated.ome.tif"], left);
    }

    private static string ReadOmeXml(string tiff)
    {
        using var source = Tiling.IO.FileByteSource.Open(tiff);
        using var image = Tiling.Tiff.TiffImageSource.OpenAsync(source).GetAwaiter().GetResult();
        return image.Info.OmeXml!;
    }

    private byte[] ReadLevel0Plane(string array, int c, int z, int height, int width, int chunk)
    {
        var codec = new BloscCodec(BloscCompressor.Lz4, 2);
        var plane = new byte[height * width * 2];
        var decoded = new byte[chunk * chunk * 2];
        for (int cy = 0; cy * chunk < height; cy++)
        {
            for (int cx = 0; cx * chunk < width; cx++)
            {
                codec.Decode(File.ReadAllBytes(PathOf($"{array}/0/{c}/{z}/{cy}/{cx}")), decoded);
                int rows = Math.Min(chunk, height - (cy * chunk));
                int columns = Math.Min(chunk, width - (cx * chunk));
                for (int r = 0; r < rows; r++)
                {
                    decoded.AsSpan(r * chunk * 2, columns * 2).CopyTo(plane.AsSpan((((cy * chunk) + r) * width + (cx * chunk)) * 2));
                }
            }
        }

        return plane;
    }
}
