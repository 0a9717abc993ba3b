using Minerva.Testing.Tiff;
using Minerva.Tiling.Model;

namespace Minerva.Tiling.Tests.Tiff;

/// <summary>OME-TIFF metadata and plane mapping.</summary>
public sealed class TiffImageSourceOmeTests : IDisposable
{
    private readonly TempTiff _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("XYZCT")]
    [InlineData("XYZTC")]
    [InlineData("XYCTZ")]
    [InlineData("XYCZT")]
    [InlineData("XYTCZ")]
    [InlineData("XYTZC")]
    public async Task OpenAsync_EachDimensionOrder_MapsEveryPlane(string order)
    {
        var spec = new TestTiffSpec
        {
            Width = 40,
            Height = 30,
            SizeC = 3,
            SizeZ = 2,
            SizeT = 2,
            TileSize = 16,
            Compression = TestCompression.Lzw,
            Ome = new TestOme { DimensionOrder = order },
        };
        var (path, image) = _temp.Write(spec);
        using var source = await TempTiff.OpenAsync(path);

        var series = Assert.Single(source.Info.Series);
        Assert.Equal((2, 3, 2, 30L, 40L), (series.SizeT, series.SizeC, series.SizeZ, series.SizeY, series.SizeX));
        await PixelAssert.AllPlanesMatchAsync(source, image);
    }

    [Theory]
    [InlineData(TestTiffData.PerPlane)]
    [InlineData(TestTiffData.OneBlock)]
    [InlineData(TestTiffData.None)]
    public async Task OpenAsync_SeveralImagesEachTiffDataStyle_ReadsEverySeries(TestTiffData tiffData)
    {
        var spec = new TestTiffSpec
        {
            Width = 50,
            Height = 20,
            SizeC = 2,
            SizeZ = 3,
            SeriesCount = 3,
            RowsPerStrip = 6,
            Compression = TestCompression.AdobeDeflate,
            Ome = new TestOme { DimensionOrder = "XYZCT", TiffData = tiffData },
        };
        var (path, image) = _temp.Write(spec);
        using var source = await TempTiff.OpenAsync(path);

        Assert.Equal([0, 1, 2], source.Info.Series.Select(s => s.Index));
        Assert.Equal(["series 0", "series 1", "series 2"], source.Info.Series.Select(s => s.Name));
        await PixelAssert.AllPlanesMatchAsync(source, image);
    }

    [Theory]
    [InlineData("\u00B5m", "micrometer")]
    [InlineData("nm", "nanometer")]
    [InlineData("mm", "millimeter")]
    [InlineData("cm", "centimeter")]
    [InlineData("m", "meter")]
    [InlineData("\u00C5", "angstrom")]
    [InlineData(null, "micrometer")]
    public async Task OpenAsync_PhysicalSizeUnit_MapsToUdunitsName(string? symbol, string expected)
    {
        var spec = new TestTiffSpec
        {
            Width = 20,
            Height = 20,
            SizeZ = 2,
            Ome = new TestOme { PhysicalSizeX = 0.325, PhysicalSizeY = 0.5, PhysicalSizeZ = 2.5, PhysicalSizeUnit = symbol },
        };
        var (path, _) = _temp.Write(spec);
        using var source = await TempTiff.OpenAsync(path);

        Assert.Equal(new PhysicalSizes(0.325, expected, 0.5, expected, 2.5, expected), source.Info.Series[0].PhysicalSizes);
    }

    [Fact]
    public async Task OpenAsync_OmeTiff_ReportsChannelsTypeAndXml()
    {
        var spec = new TestTiffSpec
        {
            Width = 64,
            Height = 48,
            SizeC = 3,
            PixelType = PixelType.Int16,
            Ome = new TestOme { ChannelNames = ["DAPI", "CD3"], ChannelColors = [-16776961, 16711935] },
        };
        var (path, _) = _temp.Write(spec);
        using var source = await TempTiff.OpenAsync(path);

        var series = source.Info.Series[0];
        Assert.Equal(PixelType.Int16, series.PixelType);
        Assert.Equal([new ChannelInfo("DAPI", -16776961), new ChannelInfo("CD3", 16711935), new ChannelInfo(null, null)], series.Channels);
        Assert.Equal(PhysicalSizes.Unknown, series.PhysicalSizes);
        Assert.StartsWith("<OME", source.Info.OmeXml);
        Assert.Equal([new StoredLevel(0, 48, 64)], series.StoredLevels);
    }

    [Fact]
    public async Task OpenAsync_OmeRgbChannel_CountsSamplesAsChannels()
    {
        var spec = new TestTiffSpec
        {
            Width = 33,
            Height = 17,
            SizeC = 3,
            SizeZ = 2,
            ChannelsAsSamples = true,
            Rgb = true,
            PixelType = PixelType.UInt8,
            Ome = new TestOme { ChannelNames = ["brightfield"] },
        };
        var (path, image) = _temp.Write(spec);
        using var source = await TempTiff.OpenAsync(path);

        var series = source.Info.Series[0];
        Assert.Equal(3, series.SizeC);
        Assert.All(series.Channels, c => Assert.Equal("brightfield", c.Name));
        await PixelAssert.AllPlanesMatchAsync(source, image);
    }

    [Fact]
    public async Task OpenAsync_PlainMultiPageTiff_IsOneSeriesOfZPlanes()
    {
        var spec = new TestTiffSpec { Width = 31, Height = 29, SizeZ = 4, PixelType = PixelType.UInt8, Compression = TestCompression.PackBits };
        var (path, image) = _temp.Write(spec, "stack.tif");
        using var source = await TempTiff.OpenAsync(path);

        Assert.Null(source.Info.OmeXml);
        var series = Assert.Single(source.Info.Series);
        Assert.Equal(("stack", 1, 1, 4), (series.Name, series.SizeT, series.SizeC, series.SizeZ));
        Assert.Equal(PhysicalSizes.Unknown, series.PhysicalSizes);
        await PixelAssert.AllPlanesMatchAsync(source, image);
    }

    [Fact]
    public async Task OpenAsync_PlainRgbTiff_ColoursChannelsRedGreenBlue()
    {
        var spec = new TestTiffSpec { Width = 20, Height = 10, SizeC = 3, ChannelsAsSamples = true, Rgb = true, PixelType = PixelType.UInt8 };
        var (path, _) = _temp.Write(spec);
        using var source = await TempTiff.OpenAsync(path);

        Assert.Equal([unchecked((int)0xFF0000FF), 0x00FF00FF, 0x0000FFFF], source.Info.Series[0].Channels.Select(c => c.Color));
    }
}
