using Minerva.Testing.Tiff;
using Minerva.Tiling.Model;

namespace Minerva.Tiling.Tests.Tiff;

/// <summary>Reduced-resolution levels already stored in the file.</summary>
public sealed class TiffImageSourcePyramidTests : IDisposable
{
    private readonly TempTiff _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(TestPyramidStorage.SubIfds, 2, true)]
    [InlineData(TestPyramidStorage.SubIfds, 4, true)]
    [InlineData(TestPyramidStorage.FollowingIfds, 2, true)]
    [InlineData(TestPyramidStorage.FollowingIfds, 2, false)]
    [InlineData(TestPyramidStorage.SubIfds, 2, false)]
    public async Task OpenAsync_StoredPyramid_ReportsAndReadsEveryLevel(TestPyramidStorage storage, int factor, bool ome)
    {
        var spec = new TestTiffSpec
        {
            Width = 333,
            Height = 250,
            SizeC = ome ? 3 : 1,
            SizeZ = 2,
            TileSize = 64,
            Compression = TestCompression.AdobeDeflate,
            Predictor = TestPredictor.Horizontal,
            PyramidLevels = 3,
            PyramidFactor = factor,
            PyramidStorage = storage,
            BigTiff = true,
            Ome = ome ? new TestOme { ChannelNames = ["a", "b", "c"] } : null,
        };
        var (path, image) = _temp.Write(spec);
        using var source = await TempTiff.OpenAsync(path);

        var series = Assert.Single(source.Info.Series);
        var expected = Enumerable.Range(0, 3).Select(level => new StoredLevel(level, spec.LevelSize(level).Height, spec.LevelSize(level).Width));
        Assert.Equal(expected, series.StoredLevels);
        Assert.Equal(2, series.SizeZ);
        await PixelAssert.AllPlanesMatchAsync(source, image);
    }

    [Fact]
    public async Task OpenAsync_MultiChannelOmePyramidSeveralSeries_KeepsLevelsApartFromPlanes()
    {
        var spec = new TestTiffSpec
        {
            Width = 200,
            Height = 120,
            SizeC = 2,
            SeriesCount = 2,
            TileSize = 32,
            PyramidLevels = 3,
            PyramidStorage = TestPyramidStorage.FollowingIfds,
            Compression = TestCompression.Zstd,
            Ome = new TestOme { TiffData = TestTiffData.PerPlane },
        };
        var (path, image) = _temp.Write(spec);
        using var source = await TempTiff.OpenAsync(path);

        Assert.All(source.Info.Series, s => Assert.Equal(3, s.StoredLevels.Count));
        await PixelAssert.AllPlanesMatchAsync(source, image);
    }

    [Fact]
    public async Task OpenAsync_BigEndianBigTiffSubIfdPyramid_ReadsEveryLevel()
    {
        var spec = new TestTiffSpec
        {
            Width = 150,
            Height = 100,
            SizeC = 4,
            TileSize = 32,
            PyramidLevels = 3,
            BigTiff = true,
            BigEndian = true,
            Compression = TestCompression.AdobeDeflate,
            Predictor = TestPredictor.Horizontal,
            Ome = new TestOme(),
        };
        var (path, image) = _temp.Write(spec);
        using var source = await TempTiff.OpenAsync(path);

        Assert.Equal(3, source.Info.Series[0].StoredLevels.Count);
        await PixelAssert.AllPlanesMatchAsync(source, image);
    }
}
