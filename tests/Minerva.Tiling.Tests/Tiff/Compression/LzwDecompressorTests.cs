using Minerva.Tiling.Tiff.Compression;

namespace Minerva.Tiling.Tests.Tiff.Compression;

public sealed class LzwDecompressorTests
{
    [Fact]
    public void Decompress_HandWrittenCodes_DecodesLiteralsTableCodesAndKwKwK()
    {
        // 9-bit codes: Clear, 'A', 'B', 258 ("AB"), 260 (defined by this very code: "ABA"), EndOfInformation.
        var packed = Pack([256, 65, 66, 258, 260, 257]);
        var output = new byte[16];

        var written = LzwDecompressor.Instance.Decompress(packed, output);

        Assert.Equal("ABABABA", System.Text.Encoding.ASCII.GetString(output, 0, written));
    }

    [Fact]
    public void Decompress_CodeNotInTable_ThrowsInvalidData()
    {
        var packed = Pack([256, 65, 300, 257]);
        Assert.Throws<InvalidDataException>(() => LzwDecompressor.Instance.Decompress(packed, new byte[16]));
    }

    [Fact]
    public void Decompress_OutputLargerThanDestination_StopsAtDestinationEnd()
    {
        var packed = Pack([256, 65, 66, 258, 260, 257]);
        var output = new byte[4];

        Assert.Equal(4, LzwDecompressor.Instance.Decompress(packed, output));
        Assert.Equal("ABAB"u8.ToArray(), output);
    }

    /// <summary>Packs 9-bit codes MSB-first (all these codes stay below the 10-bit switch).</summary>
    private static byte[] Pack(int[] codes)
    {
        var bits = new List<bool>();
        foreach (var code in codes)
        {
            for (var bit = 8; bit >= 0; bit--)
            {
                bits.Add(((code >> bit) & 1) == 1);
            }
        }

        var bytes = new byte[(bits.Count + 7) / 8];
        for (var i = 0; i < bits.Count; i++)
        {
            if (bits[i])
            {
                bytes[i / 8] |= (byte)(0x80 >> (i % 8));
            }
        }

        return bytes;
    }
}
