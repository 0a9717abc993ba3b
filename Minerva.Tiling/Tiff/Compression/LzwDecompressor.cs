namespace Minerva.Tiling.Tiff.Compression;

/// <summary>
/// Compression 5: TIFF LZW (MSB-first codes of 9 to 12 bits, code width grows one code early).
/// Every table string is a run of earlier output (the previous string plus the next string's first byte),
/// so the table holds only offsets and lengths into the destination and strings are copied, never chained.
/// </summary>
internal sealed class LzwDecompressor : TiffDecompressor
{
    public static readonly LzwDecompressor Instance = new();

    private const int ClearCode = 256;
    private const int EndOfInformation = 257;
    private const int FirstFreeCode = 258;
    private const int MaxCodes = 4096;
    private const int MinWidth = 9;
    private const int MaxWidth = 12;

    public override string Name => "LZW";

    public override int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Span<int> offsets = stackalloc int[MaxCodes];
        Span<int> lengths = stackalloc int[MaxCodes];
        ulong bits = 0;
        var bitCount = 0;
        var read = 0;
        var width = MinWidth;
        var next = FirstFreeCode;
        var written = 0;
        var previousOffset = -1;
        var previousLength = 0;

        while (true)
        {
            while (bitCount < width)
            {
                if (read == source.Length)
                {
                    // Data ended without an end-of-information code: keep what was decoded.
                    return written;
                }

                bits = (bits << 8) | source[read++];
                bitCount += 8;
            }

            bitCount -= width;
            var code = (int)(bits >> bitCount) & ((1 << width) - 1);

            if (code == EndOfInformation)
            {
                return written;
            }

            if (code == ClearCode)
            {
                width = MinWidth;
                next = FirstFreeCode;
                previousOffset = -1;
                continue;
            }

            var room = destination.Length - written;
            if (room == 0)
            {
                return written;
            }

            int length;
            if (code < 256)
            {
                destination[written] = (byte)code;
                length = 1;
            }
            else if (code < next && code >= FirstFreeCode)
            {
                length = lengths[code];
                if (length > room)
                {
                    destination.Slice(offsets[code], room).CopyTo(destination[written..]);
                    return destination.Length;
                }

                destination.Slice(offsets[code], length).CopyTo(destination[written..]);
            }
            else if (code == next && previousOffset >= 0)
            {
                // The code being defined right now: the previous string plus its own first byte.
                length = previousLength + 1;
                if (length > room)
                {
                    destination.Slice(previousOffset, room).CopyTo(destination[written..]);
                    return destination.Length;
                }

                destination.Slice(previousOffset, previousLength).CopyTo(destination[written..]);
                destination[written + previousLength] = destination[previousOffset];
            }
            else
            {
                throw new InvalidDataException($"LZW code {code} at input byte {read} is not in the table (next free code {next})");
            }

            if (previousOffset >= 0 && next < MaxCodes)
            {
                offsets[next] = previousOffset;
                lengths[next] = previousLength + 1;
                next++;
                if (next >= (1 << width) - 1 && width < MaxWidth)
                {
                    width++;
                }
            }

            previousOffset = written;
            previousLength = length;
            written += length;
        }
    }
}
