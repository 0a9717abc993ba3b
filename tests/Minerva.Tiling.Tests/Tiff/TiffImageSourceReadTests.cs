using Minerva.Testing.Tiff;
using Minerva.Tiling.Model;

namespace Minerva.Tiling.Tests.Tiff;

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
}
