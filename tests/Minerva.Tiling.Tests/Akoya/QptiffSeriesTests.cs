using Minerva.Testing.Slides;
using Minerva.Tiling.Model;
using Minerva.Tiling.Tests.Tiff;

namespace Minerva.Tiling.Tests.Akoya;

public sealed class QptiffSeriesTests : IDisposable
{
    private readonly TempTiff _temp = new();

    [Fact]
    public async Task Open_QptiffLayout_ReadsChannelsLevelsNamesColoursAndPixelSize()
    {
        var slide = TestSlides.Write(
            _temp.PathOf("scan.qptiff"),
            TestSlides.Qptiff(600, 400, TestSlideCodec.Jpeg2000, [("DAPI", null, "0,0,255"), ("Opal 520", "CD8", "0,255,0"), ("Opal 690", "PD-L1", "255,0,255")]));

        using var source = await TempTiff.OpenAsync(slide.Path);

        var info = source.Info;
        Assert.Equal(ImageFormats.Qptiff, info.Format);
        Assert.Equal(["scan", "thumbnail", "overview", "label"], info.Series.Select(s => s.Name));
        var scan = info.Series[0];
        Assert.Equal((3, PixelType.UInt8, 400L, 600L), (scan.SizeC, scan.PixelType, scan.SizeY, scan.SizeX));
        Assert.Equal(["DAPI", "CD8", "PD-L1"], scan.Channels.Select(c => c.Name!));
        Assert.Equal([0x0000FFFF, 0x00FF00FF, unchecked((int)0xFF00FFFF)], scan.Channels.Select(c => c.Color!.Value));
        Assert.Equal([(400L, 600L), (200L, 300L), (100L, 150L)], scan.StoredLevels.Select(l => (l.SizeY, l.SizeX)));
        Assert.Equal(0.4977, scan.PhysicalSizes.X!.Value, 4);
        Assert.Equal(0.4977, scan.PhysicalSizes.Y!.Value, 4);
        Assert.Equal("micrometer", scan.PhysicalSizes.XUnit);
        for (var level = 0; level < 3; level++)
        {
            var planes = Enumerable.Range(0, 3).SelectMany(c => slide.ExpectedPlanes(level == 0 ? c : 3 + (3 * (level - 1)) + 1 + c)).ToArray();
            await SampleAssert.LevelMatchesAsync(source, 0, level, planes, 0);
        }

        await SampleAssert.LevelMatchesAsync(source, 3, 0, slide.ExpectedPlanes(slide.Pages.Count - 1), 0);
    }

    public void Dispose() => _temp.Dispose();
}
