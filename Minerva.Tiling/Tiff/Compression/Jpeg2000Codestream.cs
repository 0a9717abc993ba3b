using System.Buffers.Binary;

namespace Minerva.Tiling.Tiff.Compression;

/// <summary>A JPEG 2000 component as the SIZ marker declares it: precision, signedness and subsampling.</summary>
internal readonly record struct Jpeg2000Component(int Precision, bool Signed, int Dx, int Dy);

/// <summary>
/// The facts of a JPEG 2000 tile the decoders and the colour conversion need, read from the codestream's SIZ
/// marker (decoder-independent): where the codestream starts (TIFF tiles hold a bare codestream, some writers wrap
/// it in a JP2 file), the image size, the components, and whether a JP2 wrapper declares sYCC.
/// </summary>
internal sealed record Jpeg2000Codestream(int Start, int Length, int Width, int Height, IReadOnlyList<Jpeg2000Component> Components, bool DeclaredYcc)
{
    private const ushort StartOfCodestream = 0xFF4F;
    private const ushort ImageAndTileSize = 0xFF51;
    private const int SyccEnumeratedColourSpace = 18;

    private static ReadOnlySpan<byte> Jp2Signature => [0, 0, 0, 12, (byte)'j', (byte)'P', (byte)' ', (byte)' ', 13, 10, 0x87, 10];

    /// <summary>True when every component has the full resolution.</summary>
    public bool FullResolution => Components.All(c => c.Dx == 1 && c.Dy == 1);

    /// <exception cref="InvalidDataException">The bytes are not a JPEG 2000 codestream or JP2 file.</exception>
    public static Jpeg2000Codestream Parse(ReadOnlySpan<byte> data)
    {
        var start = 0;
        var length = data.Length;
        var ycc = false;
        if (data.StartsWith(Jp2Signature))
        {
            (start, length, ycc) = FindCodestream(data);
        }

        var codestream = data.Slice(start, length);
        if (codestream.Length < 42 || BinaryPrimitives.ReadUInt16BigEndian(codestream) != StartOfCodestream
            || BinaryPrimitives.ReadUInt16BigEndian(codestream[2..]) != ImageAndTileSize)
        {
            throw new InvalidDataException("the tile is not a JPEG 2000 codestream (no SOC and SIZ markers at its start)");
        }

        var siz = codestream[4..];
        var width = BinaryPrimitives.ReadUInt32BigEndian(siz[4..]) - (long)BinaryPrimitives.ReadUInt32BigEndian(siz[12..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(siz[8..]) - (long)BinaryPrimitives.ReadUInt32BigEndian(siz[16..]);
        int count = BinaryPrimitives.ReadUInt16BigEndian(siz[36..]);
        if (width <= 0 || height <= 0 || width > int.MaxValue || height > int.MaxValue || count == 0 || siz.Length < 38 + (3 * count))
        {
            throw new InvalidDataException($"the JPEG 2000 SIZ marker is damaged ({width}×{height}, {count} components)");
        }

        var components = new Jpeg2000Component[count];
        for (var c = 0; c < count; c++)
        {
            var entry = siz.Slice(38 + (3 * c), 3);
            components[c] = new Jpeg2000Component((entry[0] & 0x7F) + 1, (entry[0] & 0x80) != 0, Math.Max(1, (int)entry[1]), Math.Max(1, (int)entry[2]));
        }

        return new Jpeg2000Codestream(start, length, (int)width, (int)height, components, ycc);
    }

    /// <summary>The 'jp2c' box's contents, and whether a 'colr' box names sYCC.</summary>
    private static (int Start, int Length, bool Ycc) FindCodestream(ReadOnlySpan<byte> file)
    {
        var ycc = false;
        var position = 0;
        while (position + 8 <= file.Length)
        {
            long boxLength = BinaryPrimitives.ReadUInt32BigEndian(file[position..]);
            var type = file.Slice(position + 4, 4);
            var header = 8;
            if (boxLength == 1 && position + 16 <= file.Length)
            {
                boxLength = (long)BinaryPrimitives.ReadUInt64BigEndian(file[(position + 8)..]);
                header = 16;
            }
            else if (boxLength == 0)
            {
                boxLength = file.Length - position;
            }

            if (boxLength < header || position + boxLength > file.Length)
            {
                break;
            }

            if (type.SequenceEqual("jp2c"u8))
            {
                return (position + header, (int)boxLength - header, ycc);
            }

            if (type.SequenceEqual("jp2h"u8))
            {
                // A superbox: step into it to find 'colr'.
                position += header;
                continue;
            }

            if (type.SequenceEqual("colr"u8) && boxLength >= header + 7 && file[position + header] == 1)
            {
                ycc = BinaryPrimitives.ReadUInt32BigEndian(file[(position + header + 3)..]) == SyccEnumeratedColourSpace;
            }

            position += (int)boxLength;
        }

        throw new InvalidDataException("the JP2 file in the tile holds no codestream box");
    }
}
