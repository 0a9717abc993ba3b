using Minerva.Testing.Slides;
using Minerva.Tiling.IO;
using Minerva.Tiling.Model;
using Minerva.Tiling.Tests.Tiff;

namespace Minerva.Tiling.Tests.Aperio;

public sealed class SvsSeriesTests : IDisposable
{
    private readonly TempTiff _temp = new();

    [Theory]
    [InlineData(TestSlideCodec.Jpeg, 1)]
    [InlineData(TestSlideCodec.JpegRgb, 1)]
    [InlineData(TestSlideCodec.Jpeg2000Rgb, 0)]
    [InlineData(TestSlideCodec.Jpeg2000Ycc, 1)]
    public async Task Open_SvsLayout_ReadsPyramidAndAssociatedImagesAsSeries(TestSlideCodec codec, int tolerance)
    {
        var slide = TestSlides.Write(_temp.PathOf("slide.svs"), TestSlides.Svs(1000, 700, codec));

        using var source = await TempTiff.OpenAsync(slide.Path);

        var info = source.Info;
        Assert.Equal(ImageFormats.AperioSvs, info.Format);
        Assert.Equal(["slide", "thumbnail", "label", "macro"], info.Series.Select(s => s.Name));
        var main = info.Series[0];
        Assert.Equal((3, PixelType.UInt8, 700L, 1000L), (main.SizeC, main.PixelType, main.SizeY, main.SizeX));
        Assert.Equal([(700L, 1000L), (175L, 250L)], main.StoredLevels.Select(l => (l.SizeY, l.SizeX)));
        Assert.Equal((TestSlides.SvsMpp, "micrometer", TestSlides.SvsMpp), (main.PhysicalSizes.X, main.PhysicalSizes.XUnit, main.PhysicalSizes.Y));
        Assert.Equal([("Red", unchecked((int)0xFF0000FF)), ("Green", 0x00FF00FF), ("Blue", 0x0000FFFF)], main.Channels.Select(c => (c.Name!, c.Color!.Value)));
        await SampleAssert.LevelMatchesAsync(source, 0, 0, slide.ExpectedPlanes(0), tolerance);
        await SampleAssert.LevelMatchesAsync(source, 0, 1, slide.ExpectedPlanes(2), tolerance);
        await SampleAssert.LevelMatchesAsync(source, 1, 0, slide.ExpectedPlanes(1), 1);
        await SampleAssert.LevelMatchesAsync(source, 2, 0, slide.ExpectedPlanes(3), 0);
        await SampleAssert.LevelMatchesAsync(source, 3, 0, slide.ExpectedPlanes(4), 1);
    }

    [Theory]
    [InlineData(TestSlideCodec.Jpeg, TestSlideDamage.Cut)]
    [InlineData(TestSlideCodec.Jpeg, TestSlideDamage.Garble)]
    [InlineData(TestSlideCodec.Jpeg2000Rgb, TestSlideDamage.Cut)]
    [InlineData(TestSlideCodec.Jpeg2000Rgb, TestSlideDamage.Garble)]
    public async Task Read_DamagedTile_FailsWithOneSentence(TestSlideCodec codec, TestSlideDamage damage)
    {
        var slide = TestSlides.Write(_temp.PathOf("damaged.svs"), TestSlides.Svs(512, 512, codec, damage));
        using var source = await TempTiff.OpenAsync(slide.Path);

        var error = await Assert.ThrowsAsync<InvalidImageException>(() =>
            source.ReadAsync(new PlaneRect(0, 0, 0, 0, 0, 3, 0, 0, 256, 256), new byte[3 * 256 * 256]).AsTask());

        Assert.Contains("damaged.svs: tile 0 of IFD 0 cannot be decompressed", error.Message);
        Assert.EndsWith("the file is damaged.", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    public void Dispose() => _temp.Dispose();
}
