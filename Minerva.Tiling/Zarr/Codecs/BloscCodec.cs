using System.Buffers;
using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Minerva.Tiling.Compression;

namespace Minerva.Tiling.Zarr.Codecs;

/// <summary>Block compressors inside a Blosc frame, with c-blosc's format codes (header flag bits 5-7).</summary>
public enum BloscCompressor
{
    Lz4 = 1,
    Zstd = 4,
}

/// <summary>
/// Blosc 1 frames exactly as c-blosc (and so numcodecs) lays them out: a 16-byte header
/// (version 2, codec version 1, flags, typesize, nbytes, blocksize, cbytes), one int32 start offset per block,
/// then per block one stream [int32 size][bytes]. Blocks are byte-shuffled, not split ("don't split", flag 0x10),
/// and a block that does not shrink is stored shuffled as is (size == block size), as c-blosc does.
/// When the whole frame would not be smaller than the input, the input is stored whole ("memcpyed", flag 0x02).
/// Decoding also accepts split blocks, which other writers produce.
/// </summary>
public sealed class BloscCodec(BloscCompressor compressor, int typeSize) : IChunkCodec
{
    private const int HeaderSize = BloscHeader.Size;
    private const int MinBufferSize = 128;

    // 256 KiB blocks: eight per 1024² uint16 chunk, the size at which zstd reaches its ratio (codecs.md).
    private const int TargetBlockSize = 256 * 1024;

    /// <summary>The clevel recorded in .zarray; for zstd it is also the level used.</summary>
    private int Level => compressor == BloscCompressor.Zstd ? 1 : 5;

    public JsonObject? ZarrConfig => new()
    {
        ["id"] = "blosc",
        ["cname"] = compressor == BloscCompressor.Lz4 ? "lz4" : "zstd",
        ["clevel"] = Level,
        ["shuffle"] = typeSize > 1 ? 1 : 0,
        ["blocksize"] = 0,
    };

    public int MaxEncodedLength(int length) => length + HeaderSize;

    public int Encode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (destination.Length < MaxEncodedLength(source.Length))
        {
            throw new ArgumentException("Destination is smaller than MaxEncodedLength.", nameof(destination));
        }

        int written = source.Length < MinBufferSize ? 0 : EncodeBlocks(source, destination);
        if (written == 0)
        {
            WriteHeader(destination, source.Length, Math.Max(source.Length, 1), BloscHeader.MemcpyedFlag, source.Length + HeaderSize);
            source.CopyTo(destination[HeaderSize..]);
            written = source.Length + HeaderSize;
        }

        return written;
    }

    /// <summary>Returns the frame length, or 0 when the frame would be no smaller than the input.</summary>
    private int EncodeBlocks(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        int blockSize = Math.Min(source.Length, TargetBlockSize);
        blockSize -= blockSize % typeSize;
        int blocks = (source.Length + blockSize - 1) / blockSize;
        int limit = source.Length + HeaderSize;
        int position = HeaderSize + 4 * blocks;
        if (position >= limit)
        {
            return 0;
        }

        byte[] shuffled = ArrayPool<byte>.Shared.Rent(blockSize);
        try
        {
            for (int b = 0; b < blocks; b++)
            {
                var block = source.Slice(b * blockSize, Math.Min(blockSize, source.Length - b * blockSize));
                var input = shuffled.AsSpan(0, block.Length);
                ShuffleIfNeeded(block, input);
                int room = limit - position - 4;
                if (room <= 0)
                {
                    return 0;
                }

                int size = Compress(input, destination.Slice(position + 4, Math.Min(room, block.Length)));
                if (size <= 0 || size >= block.Length)
                {
                    if (block.Length > room)
                    {
                        return 0;
                    }

                    input.CopyTo(destination[(position + 4)..]);
                    size = block.Length;
                }

                BinaryPrimitives.WriteInt32LittleEndian(destination[(HeaderSize + 4 * b)..], position);
                BinaryPrimitives.WriteInt32LittleEndian(destination[position..], size);
                position += 4 + size;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(shuffled);
        }

        if (position >= limit)
        {
            return 0;
        }

        WriteHeader(destination, source.Length, blockSize, 0, position);
        return position;
    }

    private void ShuffleIfNeeded(ReadOnlySpan<byte> block, Span<byte> shuffled)
    {
        if (typeSize > 1)
        {
            ByteShuffle.Shuffle(typeSize, block, shuffled);
        }
        else
        {
            block.CopyTo(shuffled);
        }
    }

    private void WriteHeader(Span<byte> destination, int length, int blockSize, byte extraFlags, int frameLength) =>
        new BloscHeader(BloscHeader.FormatVersion, BloscHeader.FlagsFor(compressor, typeSize, extraFlags), typeSize, length, blockSize, frameLength)
            .Write(destination);

    /// <summary>Compressed length, or a value ≤ 0 when the output does not fit.</summary>
    private int Compress(ReadOnlySpan<byte> input, Span<byte> output) => compressor == BloscCompressor.Lz4
        ? K4os.Compression.LZ4.LZ4Codec.Encode(input, output, K4os.Compression.LZ4.LZ4Level.L00_FAST)
        : Zstd.Compress(input, output, Level);

    public void Decode(ReadOnlySpan<byte> encoded, Span<byte> destination) => BloscDecoder.Decode(encoded, destination);
}
