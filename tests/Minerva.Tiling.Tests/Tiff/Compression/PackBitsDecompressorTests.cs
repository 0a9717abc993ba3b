using Minerva.Tiling.Tiff.Compression;

namespace Minerva.Tiling.Tests.Tiff.Compression;

public sealed class PackBitsDecompressorTests
{
    [Fact]
    public void Decompress_SpecificationExample_ExpandsRuns()
    {
        // The example of the TIFF 6.0 specification, section 9.
        byte[] packed = [0xFE, 0xAA, 0x02, 0x80, 0x00, 0x2A, 0xFD, 0xAA, 0x03, 0x80, 0x00, 0x2A, 0x22, 0xF7, 0xAA];
        byte[] expected = [0xAA, 0xAA, 0xAA, 0x80, 0x00, 0x2A, 0xAA, 0xAA, 0xAA, 0xAA, 0x80, 0x00, 0x2A, 0x22, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA];
        var output = new byte[expected.Length];

        var written = PackBitsDecompressor.Instance.Decompress(packed, output);

        Assert.Equal(expected.Length, written);
        Assert.Equal(expected, output);
    }

    [Fact]
    public void Decompress_LiteralRunPastEnd_ThrowsInvalidData()
    {
        Assert.Throws<InvalidDataException>(() => PackBitsDecompressor.Instance.Decompress([0x05, 0x01, 0x02], new byte[6]));
    }
}
