using Minerva.Testing.Slides;
using Minerva.Testing.Tools;
using Minerva.Tiling.Model;

namespace Minerva.Tiling.Tests.Tiff;

/// <summary>
/// Whole-slide TIFFs as libvips and libtiff write them: JPEG tiles, a page or SubIFD pyramid. The reference is
/// libvips' own decode of each level (`vips rawsave`).
/// </summary>
public sealed class WholeSlideTiffTests : IDisposable
{
    private const int Width = 700;
    private const int Height = 500;

    private readonly TempTiff _temp = new();

    [Theory]
    [InlineData("jpeg", false, 1)]
    [InlineData("jpeg", true, 1)]
    public async Task Open_LibvipsPyramid_ReadsLevelsAsLibvipsDecodesThem(string compression, bool subIfd, int tolerance)
    {
        var source = SourceImage();
        var path = _temp.PathOf("vips.tif");
        CommandLine.Run("vips", ["tiffsave", source, path, "--tile", "--tile-width", "128", "--tile-height", "128", "--pyramid", .. subIfd ? new[] { "--subifd" } : [], "--compression", .. compression.Split(' ')]);

        using var image = await TempTiff.OpenAsync(path);

        var series = Assert.Single(image.Info.Series);
        Assert.Equal(ImageFormats.Tiff, image.Info.Format);
        Assert.Equal((3, PixelType.UInt8), (series.SizeC, series.PixelType));
        Assert.Equal([Width, 350, 175, 87], series.StoredLevels.Select(l => (int)l.SizeX));
        for (var level = 0; level < 2; level++)
        {
            var reference = VipsDecode($"{path}[{(subIfd ? level == 0 ? "page=0" : $"subifd={level - 1}" : $"page={level}")}]");
            await SampleAssert.LevelMatchesAsync(image, 0, level, reference, tolerance);
        }
    }

    [Fact]
    public async Task Open_TiffcpJpegYCbCr_ReadsAsLibvipsDecodes()
    {
        var plain = _temp.PathOf("plain.tif");
        CommandLine.Run("vips", ["tiffsave", SourceImage(), plain, "--tile", "--tile-width", "128", "--tile-height", "128"]);
        var path = _temp.PathOf("tiffcp.tif");
        CommandLine.Run("tiffcp", ["-c", "jpeg:90", "-t", "-w", "128", "-l", "128", plain, path]);

        using var image = await TempTiff.OpenAsync(path);

        Assert.Equal(["Red", "Green", "Blue"], image.Info.Series[0].Channels.Select(c => c.Name!));
        await SampleAssert.LevelMatchesAsync(image, 0, 0, VipsDecode(path), 1);
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>A smooth RGB test image as a PPM (what libvips and tiffcp start from).</summary>
    private string SourceImage()
    {
        var pixels = new byte[Width * Height * 3];
        var random = new Random(3);
        for (var i = 0; i < pixels.Length; i++)
        {
            var pixel = i / 3;
            pixels[i] = (byte)(128 + (100 * Math.Sin(((pixel % Width) / (15.0 + (7 * (i % 3)))) + ((pixel / Width) / 21.0))) + random.Next(6));
        }

        var path = _temp.PathOf("source.ppm");
        File.WriteAllBytes(path, [.. System.Text.Encoding.ASCII.GetBytes($"P6\n{Width} {Height}\n255\n"), .. pixels]);
        return path;
    }

    /// <summary>libvips' decode of an image as [c][y][x] planes.</summary>
    private byte[] VipsDecode(string image)
    {
        var raw = _temp.PathOf("reference.raw");
        CommandLine.Run("vips", "rawsave", image, raw);
        return TestSlide.ToPlanes(File.ReadAllBytes(raw), 3);
    }
}
