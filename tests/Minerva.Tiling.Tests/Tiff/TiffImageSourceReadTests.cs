using Minerva.Testing.Tiff;
using Minerva.Tiling.IO;
using Minerva.Tiling.Model;

namespace Minerva.Tiling.Tests.Tiff;

/// <summary>Pixel-exact reads of files written by independent writers (LibTiff.NET, tiffcp, tifffile).</summary>
public sealed class TiffImageSourceReadTests : IDisposable
{
    private readonly TempTiff _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(TestCompression.None, TestPredictor.None)]
    [InlineData(TestCompression.Lzw, TestPredictor.None)]
    [InlineData(TestCompression.Lzw, TestPredictor.Horizontal)]
    [InlineData(TestCompression.AdobeDeflate, TestPredictor.None)]
    [InlineData(TestCompression.AdobeDeflate, TestPredictor.Horizontal)]
    [InlineData(TestCompression.Deflate, TestPredictor.None)]
    [InlineData(TestCompression.Deflate, TestPredictor.Horizontal)]
    [InlineData(TestCompression.PackBits, TestPredictor.None)]
    [InlineData(TestCompression.Zstd, TestPredictor.None)]
    [InlineData(TestCompression.Zstd, TestPredictor.Horizontal)]
    public async Task ReadAsync_TiledCompressed_ReturnsWrittenPixels(TestCompression compression, TestPredictor predictor)
    {
        var (path, image) = _temp.Write(new TestTiffSpec { Width = 301, Height = 203, TileSize = 64, Compression = compression, Predictor = predictor });
        using var source = await TempTiff.OpenAsync(path);
        await PixelAssert.AllPlanesMatchAsync(source, image);
    }

    [Theory]
    [InlineData(TestCompression.None, 1)]
    [InlineData(TestCompression.None, 1000)]
    [InlineData(TestCompression.Lzw, 7)]
    [InlineData(TestCompression.AdobeDeflate, 16)]
    [InlineData(TestCompression.PackBits, 3)]
    [InlineData(TestCompression.Zstd, 50)]
    public async Task ReadAsync_StrippedAnyRowsPerStrip_ReturnsWrittenPixels(TestCompression compression, int rowsPerStrip)
    {
        var (path, image) = _temp.Write(new TestTiffSpec { Width = 123, Height = 101, RowsPerStrip = rowsPerStrip, Compression = compression, Predictor = TestPredictor.None });
        using var source = await TempTiff.OpenAsync(path);
        await PixelAssert.AllPlanesMatchAsync(source, image);
    }

    [Theory]
    [InlineData(PixelType.UInt8, TestPredictor.Horizontal)]
    [InlineData(PixelType.Int8, TestPredictor.Horizontal)]
    [InlineData(PixelType.UInt16, TestPredictor.Horizontal)]
    [InlineData(PixelType.Int16, TestPredictor.Horizontal)]
    [InlineData(PixelType.UInt32, TestPredictor.Horizontal)]
    [InlineData(PixelType.Int32, TestPredictor.Horizontal)]
    [InlineData(PixelType.Float32, TestPredictor.FloatingPoint)]
    [InlineData(PixelType.Float64, TestPredictor.FloatingPoint)]
    [InlineData(PixelType.Float32, TestPredictor.None)]
    [InlineData(PixelType.Float64, TestPredictor.None)]
    public async Task ReadAsync_EachPixelTypeBothByteOrders_ReturnsLittleEndianSamples(PixelType pixelType, TestPredictor predictor)
    {
        // Big-endian with the floating-point predictor has no correct independent writer (see TestTiffSpec).
        foreach (var bigEndian in predictor == TestPredictor.FloatingPoint ? [false] : new[] { false, true })
        {
            var spec = new TestTiffSpec
            {
                Width = 97,
                Height = 75,
                TileSize = 32,
                PixelType = pixelType,
                Compression = TestCompression.AdobeDeflate,
                Predictor = predictor,
                BigEndian = bigEndian,
                Content = TestContent.Smooth,
            };
            var (path, image) = _temp.Write(spec, $"{pixelType}-{bigEndian}.tif");
            using var source = await TempTiff.OpenAsync(path);
            Assert.Equal(pixelType, source.Info.Series[0].PixelType);
            await PixelAssert.AllPlanesMatchAsync(source, image);
        }
    }

    [Theory]
    [InlineData(false, false, 48)]
    [InlineData(false, true, 48)]
    [InlineData(true, false, 48)]
    [InlineData(true, true, 48)]
    [InlineData(true, true, null)]
    [InlineData(true, false, null)]
    public async Task ReadAsync_ClassicOrBigTiffEitherByteOrder_ReturnsWrittenPixels(bool bigTiff, bool bigEndian, int? tileSize)
    {
        var spec = new TestTiffSpec
        {
            Width = 130,
            Height = 70,
            TileSize = tileSize,
            RowsPerStrip = 9,
            BigTiff = bigTiff,
            BigEndian = bigEndian,
            Compression = TestCompression.Lzw,
            Predictor = TestPredictor.Horizontal,
        };
        var (path, image) = _temp.Write(spec);
        using var source = await TempTiff.OpenAsync(path);
        await PixelAssert.AllPlanesMatchAsync(source, image);
    }

    [Theory]
    [InlineData(PixelType.UInt8, false, true, 32)]
    [InlineData(PixelType.UInt8, true, true, null)]
    [InlineData(PixelType.UInt16, false, false, 32)]
    [InlineData(PixelType.UInt16, true, false, null)]
    [InlineData(PixelType.Float32, false, false, null)]
    public async Task ReadAsync_ChannelsAsSamples_SplitsSamplesIntoChannels(PixelType pixelType, bool planarSeparate, bool rgb, int? tileSize)
    {
        var spec = new TestTiffSpec
        {
            Width = 90,
            Height = 61,
            SizeC = rgb ? 3 : 4,
            ChannelsAsSamples = true,
            PlanarSeparate = planarSeparate,
            Rgb = rgb,
            PixelType = pixelType,
            TileSize = tileSize,
            RowsPerStrip = 8,
            Compression = TestCompression.AdobeDeflate,
            Predictor = TestPredictor.Horizontal,
        };
        var (path, image) = _temp.Write(spec);
        using var source = await TempTiff.OpenAsync(path);
        Assert.Equal(spec.SizeC, source.Info.Series[0].SizeC);
        await PixelAssert.AllPlanesMatchAsync(source, image);
        await PixelAssert.MatchesAsync(source, image, new PlaneRect(0, 0, 0, 0, 1, 2, 5, 7, 40, 50));
    }

    [Fact]
    public async Task ReadAsync_InterleavedChannels_FetchesEachTileOnceForAllChannels()
    {
        var spec = new TestTiffSpec { Width = 100, Height = 100, SizeC = 3, ChannelsAsSamples = true, TileSize = 32, Compression = TestCompression.Lzw };
        var (path, image) = _temp.Write(spec);
        var counting = new CountingByteSource(FileByteSource.Open(path));
        using var source = await Tiling.Tiff.TiffImageSource.OpenAsync(counting);
        var afterOpen = counting.Bytes;

        await PixelAssert.MatchesAsync(source, image, new PlaneRect(0, 0, 0, 0, 0, 1, 0, 0, 100, 100));
        var oneChannel = counting.Bytes - afterOpen;
        await PixelAssert.MatchesAsync(source, image, new PlaneRect(0, 0, 0, 0, 0, 3, 0, 0, 100, 100));
        var threeChannels = counting.Bytes - afterOpen - oneChannel;

        Assert.Equal(oneChannel, threeChannels);
        Assert.True(oneChannel < new FileInfo(path).Length, "reading pixels should fetch less than the whole file (no IFDs)");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task ReadAsync_ManySmallStrips_FetchesAdjacentStripsTogether(int rowsPerStrip)
    {
        var spec = new TestTiffSpec { Width = 64, Height = 300, RowsPerStrip = rowsPerStrip, Compression = TestCompression.PackBits };
        var (path, image) = _temp.Write(spec);
        var counting = new CountingByteSource(FileByteSource.Open(path));
        using var source = await Tiling.Tiff.TiffImageSource.OpenAsync(counting);
        var readsAfterOpen = counting.Reads;

        await PixelAssert.MatchesAsync(source, image, new PlaneRect(0, 0, 0, 0, 0, 1, 10, 5, 250, 50));

        Assert.Equal(1, counting.Reads - readsAfterOpen);
    }

    [Fact]
    public async Task ReadAsync_TwoRegionsInParallel_BothMatch()
    {
        var spec = new TestTiffSpec { Width = 400, Height = 300, SizeC = 2, TileSize = 32, Compression = TestCompression.AdobeDeflate, Ome = new TestOme() };
        var (path, image) = _temp.Write(spec);
        using var source = await TempTiff.OpenAsync(path);

        var reads = Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            PixelAssert.MatchesAsync(source, image, new PlaneRect(0, 0, 0, 0, i % 2, 1, i * 20, i * 25, 150, 200))));

        await Task.WhenAll(reads);
    }

    [Fact]
    public async Task ReadAsync_TifffileWrittenStrips_ReturnsWrittenPixels()
    {
        var spec = new TestTiffSpec { Width = 77, Height = 66, RowsPerStrip = 10, Encoder = TestEncoder.Tifffile, Compression = TestCompression.AdobeDeflate, BigEndian = true };
        var (path, image) = _temp.Write(spec);
        using var source = await TempTiff.OpenAsync(path);
        await PixelAssert.AllPlanesMatchAsync(source, image);
    }

    [Fact]
    public async Task ReadAsync_RectangleOutsideImage_ThrowsArgumentOutOfRange()
    {
        var (path, _) = _temp.Write(new TestTiffSpec { Width = 50, Height = 40 });
        using var source = await TempTiff.OpenAsync(path);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => source.ReadAsync(new PlaneRect(0, 0, 0, 0, 0, 1, 30, 0, 11, 50), new byte[11 * 50 * 2]).AsTask());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => source.ReadAsync(new PlaneRect(0, 1, 0, 0, 0, 1, 0, 0, 1, 1), new byte[2]).AsTask());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => source.ReadAsync(new PlaneRect(0, 0, 0, 0, 0, 2, 0, 0, 1, 1), new byte[4]).AsTask());
    }
}
