using System.Buffers.Binary;

namespace Minerva.Tiling.Zarr.Codecs;

/// <summary>
/// The 16-byte header of a Blosc 1 frame, as c-blosc lays it out: format version, codec format version, flags,
/// type size, then little-endian int32 decoded length, block size and frame length. Flag bits 5–7 hold the
/// <see cref="BloscCompressor"/> code. The one definition both <see cref="BloscCodec"/> and <see cref="BloscDecoder"/> use.
/// </summary>
internal readonly record struct BloscHeader(byte Version, byte Flags, int TypeSize, int Length, int BlockSize, int FrameLength)
{
    public const int Size = 16;

    /// <summary>The format version c-blosc 1.x writes (readers accept 1 and 2).</summary>
    public const byte FormatVersion = 2;

    /// <summary>The version of the block codec's own format.</summary>
    public const byte CodecFormatVersion = 1;

    public const byte ShuffleFlag = 0x01;
    public const byte MemcpyedFlag = 0x02;
    public const byte BitShuffleFlag = 0x04;
    public const byte DontSplitFlag = 0x10;

    public bool Shuffled => (Flags & ShuffleFlag) != 0;

    public bool Memcpyed => (Flags & MemcpyedFlag) != 0;

    public bool BitShuffled => (Flags & BitShuffleFlag) != 0;

    public bool DontSplit => (Flags & DontSplitFlag) != 0;

    /// <summary>The compressor code of flag bits 5–7 (1 LZ4, 4 zstd in c-blosc's numbering).</summary>
    public int CompressorCode => Flags >> 5;

    /// <summary>The flags of a frame written with <paramref name="compressor"/> by this engine: never split, shuffled when elements span bytes.</summary>
    public static byte FlagsFor(BloscCompressor compressor, int typeSize, byte extraFlags) =>
        (byte)(DontSplitFlag | ((int)compressor << 5) | extraFlags | (typeSize > 1 ? ShuffleFlag : 0));

    /// <exception cref="InvalidDataException">The frame is shorter than a header.</exception>
    public static BloscHeader Read(ReadOnlySpan<byte> frame)
    {
        if (frame.Length < Size)
        {
            throw new InvalidDataException("Blosc frame is shorter than its 16-byte header.");
        }

        return new BloscHeader(
            frame[0],
            frame[2],
            Math.Max((int)frame[3], 1),
            BinaryPrimitives.ReadInt32LittleEndian(frame[4..]),
            BinaryPrimitives.ReadInt32LittleEndian(frame[8..]),
            BinaryPrimitives.ReadInt32LittleEndian(frame[12..]));
    }

    public void Write(Span<byte> destination)
    {
        destination[0] = Version;
        destination[1] = CodecFormatVersion;
        destination[2] = Flags;
        destination[3] = (byte)Math.Min(TypeSize, 255);
        BinaryPrimitives.WriteInt32LittleEndian(destination[4..], Length);
        BinaryPrimitives.WriteInt32LittleEndian(destination[8..], BlockSize);
        BinaryPrimitives.WriteInt32LittleEndian(destination[12..], FrameLength);
    }
}
