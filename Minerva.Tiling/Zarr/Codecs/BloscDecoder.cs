using System.Buffers;
using System.Buffers.Binary;
using Minerva.Tiling.Compression;

namespace Minerva.Tiling.Zarr.Codecs;

/// <summary>
/// Reads Blosc 1 frames with LZ4 or zstd blocks, shuffled or not, split or not, or memcpyed:
/// the engine's own chunks and those numcodecs writes with those codecs.
/// </summary>
internal static class BloscDecoder
{
    public static void Decode(ReadOnlySpan<byte> frame, Span<byte> destination)
    {
        var header = BloscHeader.Read(frame);
        if (header.Version is < 1 or > 2 || header.Length != destination.Length || header.FrameLength > frame.Length || header.FrameLength < BloscHeader.Size)
        {
            throw new InvalidDataException($"Blosc header is invalid or holds {header.Length} bytes where {destination.Length} are expected.");
        }

        if (header.Memcpyed)
        {
            if (header.FrameLength != BloscHeader.Size + header.Length)
            {
                throw new InvalidDataException("Memcpyed Blosc frame has the wrong length.");
            }

            frame.Slice(BloscHeader.Size, header.Length).CopyTo(destination);
            return;
        }

        if (header.BitShuffled)
        {
            throw new InvalidDataException("Blosc bit-shuffle is not supported; use byte shuffle.");
        }

        var codec = header.CompressorCode switch
        {
            (int)BloscCompressor.Lz4 => BloscCompressor.Lz4,
            (int)BloscCompressor.Zstd => BloscCompressor.Zstd,
            var other => throw new InvalidDataException($"Blosc compressor code {other} is not supported (lz4 and zstd are)."),
        };
        if (header.BlockSize <= 0 || header.Length == 0)
        {
            throw new InvalidDataException("Blosc frame has no blocks.");
        }

        DecodeBlocks(frame[..header.FrameLength], destination, codec, header);
    }

    private static void DecodeBlocks(ReadOnlySpan<byte> frame, Span<byte> destination, BloscCompressor codec, BloscHeader header)
    {
        int typeSize = header.TypeSize;
        int blockSize = header.BlockSize;
        bool shuffled = header.Shuffled && typeSize > 1;
        bool dontSplit = header.DontSplit;
        int blocks = (destination.Length + blockSize - 1) / blockSize;
        if (BloscHeader.Size + 4L * blocks > frame.Length)
        {
            throw new InvalidDataException("Blosc frame is too short for its block offsets.");
        }

        byte[] scratch = ArrayPool<byte>.Shared.Rent(blockSize);
        try
        {
            for (int b = 0; b < blocks; b++)
            {
                int start = BinaryPrimitives.ReadInt32LittleEndian(frame[(BloscHeader.Size + 4 * b)..]);
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
        : Zstd.Decompress(input, output);
}
