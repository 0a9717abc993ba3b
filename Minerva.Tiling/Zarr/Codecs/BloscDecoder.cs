using System.Buffers;
using System.Buffers.Binary;

namespace Minerva.Tiling.Zarr.Codecs;

/// <summary>
/// Reads Blosc 1 frames with LZ4 or zstd blocks, shuffled or not, split or not, or memcpyed:
/// the engine's own chunks and those numcodecs writes with those codecs.
/// </summary>
internal static class BloscDecoder
{
    private const int HeaderSize = 16;

    public static void Decode(ReadOnlySpan<byte> frame, Span<byte> destination)
    {
        if (frame.Length < HeaderSize)
        {
            throw new InvalidDataException("Blosc frame is shorter than its 16-byte header.");
        }

        byte flags = frame[2];
        int typeSize = Math.Max((int)frame[3], 1);
        int length = BinaryPrimitives.ReadInt32LittleEndian(frame[4..]);
        int blockSize = BinaryPrimitives.ReadInt32LittleEndian(frame[8..]);
        int frameLength = BinaryPrimitives.ReadInt32LittleEndian(frame[12..]);
        if (frame[0] is < 1 or > 2 || length != destination.Length || frameLength > frame.Length || frameLength < HeaderSize)
        {
            throw new InvalidDataException($"Blosc header is invalid or holds {length} bytes where {destination.Length} are expected.");
        }

        if ((flags & 0x02) != 0)
        {
            if (frameLength != HeaderSize + length)
            {
                throw new InvalidDataException("Memcpyed Blosc frame has the wrong length.");
            }

            frame.Slice(HeaderSize, length).CopyTo(destination);
            return;
        }

        if ((flags & 0x04) != 0)
        {
            throw new InvalidDataException("Blosc bit-shuffle is not supported; use byte shuffle.");
        }

        var codec = (flags >> 5) switch
        {
            1 => BloscCompressor.Lz4,
            4 => BloscCompressor.Zstd,
            var other => throw new InvalidDataException($"Blosc compressor code {other} is not supported (lz4 and zstd are)."),
        };
        if (blockSize <= 0 || length == 0)
        {
            throw new InvalidDataException("Blosc frame has no blocks.");
        }

        DecodeBlocks(frame[..frameLength], destination, codec, flags, typeSize, blockSize);
    }

    private static void DecodeBlocks(ReadOnlySpan<byte> frame, Span<byte> destination, BloscCompressor codec, byte flags, int typeSize, int blockSize)
    {
        bool shuffled = (flags & 0x01) != 0 && typeSize > 1;
        bool dontSplit = (flags & 0x10) != 0;
        int blocks = (destination.Length + blockSize - 1) / blockSize;
        if (HeaderSize + 4L * blocks > frame.Length)
        {
            throw new InvalidDataException("Blosc frame is too short for its block offsets.");
        }

        byte[] scratch = ArrayPool<byte>.Shared.Rent(blockSize);
        try
        {
            for (int b = 0; b < blocks; b++)
            {
                int start = BinaryPrimitives.ReadInt32LittleEndian(frame[(HeaderSize + 4 * b)..]);
                var output = destination.Slice(b * blockSize, Math.Min(blockSize, destination.Length - b * blockSize));
                bool leftover = output.Length < blockSize;
                int splits = !dontSplit && !leftover && typeSize <= 16 && blockSize / typeSize >= 128 ? typeSize : 1;
                var block = shuffled ? scratch.AsSpan(0, output.Length) : output;
                DecodeStreams(frame, start, block, splits, codec);
                if (shuffled)
                {
                    ByteShuffle.Unshuffle(typeSize, block, output);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    private static void DecodeStreams(ReadOnlySpan<byte> frame, int position, Span<byte> block, int splits, BloscCompressor codec)
    {
        int streamLength = block.Length / splits;
        for (int s = 0; s < splits; s++)
        {
            if (position < 0 || position + 4 > frame.Length)
            {
                throw new InvalidDataException("Blosc block offset lies outside the frame.");
            }

            int size = BinaryPrimitives.ReadInt32LittleEndian(frame[position..]);
            position += 4;
            if (size < 0 || position + size > frame.Length)
            {
                throw new InvalidDataException("Blosc stream runs past the end of the frame.");
            }

            var input = frame.Slice(position, size);
            var output = block.Slice(s * streamLength, streamLength);
            int decoded = size == streamLength ? Copy(input, output) : Decompress(codec, input, output);
            if (decoded != streamLength)
            {
                throw new InvalidDataException("Blosc stream decodes to the wrong length.");
            }

            position += size;
        }
    }

    private static int Copy(ReadOnlySpan<byte> input, Span<byte> output)
    {
        input.CopyTo(output);
        return input.Length;
    }

    private static int Decompress(BloscCompressor codec, ReadOnlySpan<byte> input, Span<byte> output) => codec == BloscCompressor.Lz4
        ? K4os.Compression.LZ4.LZ4Codec.Decode(input, output)
        : ZstdBlocks.Decompress(input, output);
}
