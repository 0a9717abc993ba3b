namespace Minerva.Tiling.Tiff.Compression;

/// <summary>Compression 32773: Apple PackBits run-length coding.</summary>
internal sealed class PackBitsDecompressor : TiffDecompressor
{
    public static readonly PackBitsDecompressor Instance = new();

    public override string Name => "PackBits";

    public override int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var read = 0;
        var written = 0;
        while (read < source.Length && written < destination.Length)
        {
            var header = (sbyte)source[read++];
            if (header >= 0)
            {
                // A literal run of header+1 bytes.
                var count = header + 1;
                if (read + count > source.Length)
                {
                    throw new InvalidDataException($"a literal run of {count} bytes at input byte {read} runs past the end of the data");
                }

                count = Math.Min(count, destination.Length - written);
                source.Slice(read, count).CopyTo(destination[written..]);
                read += header + 1;
                written += count;
            }
            else if (header != -128)
            {
                // One byte repeated 1-header times; -128 is a no-op by the specification.
                if (read >= source.Length)
                {
                    throw new InvalidDataException("a repeat run lacks its byte at the end of the data");
                }

                var count = Math.Min(1 - header, destination.Length - written);
                destination.Slice(written, count).Fill(source[read++]);
                written += count;
            }
        }

        return written;
    }
}
