using System.IO.Compression;
using Minerva.Tiling.Tiff.Compression;

namespace Minerva.Tiling.Tests.Tiff.Compression;

public sealed class DeflateDecompressorTests
{
    [Fact]
    public void LibDeflate_OnDebian_IsLoaded()
    {
        Assert.True(Minerva.Tiling.Compression.LibDeflate.IsAvailable, "libdeflate.so.0 (package libdeflate0) should load on this machine.");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100_000)]
    public void Decompress_BothPaths_ReturnZLibStreamInput(int length)
    {
        var original = new byte[length];
        new Random(length).NextBytes(original.AsSpan(0, length / 2));
        var compressed = Compress(original);

        var native = new byte[length];
        var managed = new byte[length];

        Assert.Equal(length, DeflateDecompressor.Instance.Decompress(compressed, native));
        Assert.Equal(length, Minerva.Tiling.Compression.Zlib.DecompressManaged(compressed, managed));
        Assert.Equal(original, native);
        Assert.Equal(original, managed);
    }

    [Fact]
    public void Decompress_DamagedStream_ThrowsInvalidDataOnBothPaths()
    {
        var compressed = Compress(new byte[1000]);
        compressed.AsSpan(2, 4).Fill(0xFF);

        Assert.Throws<InvalidDataException>(() => DeflateDecompressor.Instance.Decompress(compressed, new byte[1000]));
        Assert.Throws<InvalidDataException>(() => Minerva.Tiling.Compression.Zlib.DecompressManaged(compressed, new byte[1000]));
    }

    private static byte[] Compress(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }
}
