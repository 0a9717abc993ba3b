using System.Buffers.Binary;
using Minerva.Tiling.Pyramid;
using Minerva.Tiling.Zarr.Codecs;

namespace Minerva.Tiling.Tests.Zarr;

/// <summary>Every codec through one suite: round trips of empty, tiny, smooth, random and repetitive chunks.</summary>
public class ChunkCodecTests
{
    public static TheoryData<Compressor, int, string, int> Cases()
    {
        var data = new TheoryData<Compressor, int, string, int>();
        foreach (var compressor in Enum.GetValues<Compressor>())
        {
            foreach (int typeSize in new[] { 1, 2, 4, 8 })
            {
                foreach (string content in new[] { "random", "smooth", "zeros" })
                {
                    // Tiny (memcpyed), one odd-length block, several blocks with a leftover.
                    foreach (int length in new[] { 0, 1, 127, 1000 * typeSize + 3, 1 << 21, (600 * 1024) + 6 })
                    {
                        data.Add(compressor, typeSize, content, length);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EncodeDecode_AnyChunk_RoundTrips(Compressor compressor, int typeSize, string content, int length)
    {
        var codec = ChunkCodecs.Create(compressor, typeSize);
        byte[] chunk = Content(content, length);
        var encoded = new byte[codec.MaxEncodedLength(length)];

        int written = codec.Encode(chunk, encoded);
        var decoded = new byte[length];
        codec.Decode(encoded.AsSpan(0, written), decoded);

        Assert.Equal(chunk, decoded);
    }

    [Theory]
    [InlineData(BloscCompressor.Lz4, 0x01 | 0x10 | (1 << 5))]
    [InlineData(BloscCompressor.Zstd, 0x01 | 0x10 | (4 << 5))]
    public void BloscEncode_SmoothUInt16_WritesCBloscHeader(BloscCompressor compressor, int flags)
    {
        byte[] chunk = Content("smooth", 1 << 21);
        var codec = new BloscCodec(compressor, 2);
        var encoded = new byte[codec.MaxEncodedLength(chunk.Length)];

        int written = codec.Encode(chunk, encoded);

        Assert.Equal(new byte[] { 2, 1, (byte)flags, 2 }, encoded[..4]);
        Assert.Equal(chunk.Length, BinaryPrimitives.ReadInt32LittleEndian(encoded.AsSpan(4)));
        Assert.Equal(256 * 1024, BinaryPrimitives.ReadInt32LittleEndian(encoded.AsSpan(8)));
        Assert.Equal(written, BinaryPrimitives.ReadInt32LittleEndian(encoded.AsSpan(12)));
        Assert.Equal(16 + (8 * 4), BinaryPrimitives.ReadInt32LittleEndian(encoded.AsSpan(16)));
        Assert.True(written < chunk.Length * 3 / 4);
    }

    [Fact]
    public void BloscEncode_RandomBytes_FallsBackToMemcpyed()
    {
        byte[] chunk = Content("random", 100_000);
        var codec = new BloscCodec(BloscCompressor.Lz4, 2);
        var encoded = new byte[codec.MaxEncodedLength(chunk.Length)];

        int written = codec.Encode(chunk, encoded);

        Assert.Equal(chunk.Length + 16, written);
        Assert.Equal(0x02, encoded[2] & 0x02);
        Assert.Equal(chunk, encoded[16..written]);
    }

    [Theory]
    [InlineData(Compressor.BloscLz4)]
    [InlineData(Compressor.BloscZstd)]
    [InlineData(Compressor.Zlib)]
    [InlineData(Compressor.None)]
    public void Decode_TruncatedChunk_ThrowsInvalidData(Compressor compressor)
    {
        var codec = ChunkCodecs.Create(compressor, 2);
        byte[] chunk = Content("smooth", 1 << 16);
        var encoded = new byte[codec.MaxEncodedLength(chunk.Length)];
        int written = codec.Encode(chunk, encoded);

        Assert.Throws<InvalidDataException>(() => codec.Decode(encoded.AsSpan(0, written / 2), new byte[chunk.Length]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void Shuffle_AnyTypeSize_MovesByteJOfEachElementToStreamJ(int typeSize)
    {
        int leftover = typeSize - 1;
        byte[] data = Content("random", (100 * typeSize) + leftover);
        var shuffled = new byte[data.Length];
        var restored = new byte[data.Length];

        ByteShuffle.Shuffle(typeSize, data, shuffled);
        ByteShuffle.Unshuffle(typeSize, shuffled, restored);

        for (int i = 0; i < 100; i++)
        {
            for (int j = 0; j < typeSize; j++)
            {
                Assert.Equal(data[(i * typeSize) + j], shuffled[(j * 100) + i]);
            }
        }

        Assert.Equal(data[^leftover..], shuffled[^leftover..]);
        Assert.Equal(data, restored);
    }

    internal static byte[] Content(string kind, int length)
    {
        var data = new byte[length];
        switch (kind)
        {
            case "random":
                new Random(length).NextBytes(data);
                break;
            case "smooth":
                var random = new Random(1);
                for (int i = 0; i + 1 < length; i += 2)
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(i), (ushort)(1000 + (i / 512 % 300) + random.Next(8)));
                }

                break;
        }

        return data;
    }
}
