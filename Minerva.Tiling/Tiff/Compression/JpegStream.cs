using System.Buffers;
using System.Buffers.Binary;

namespace Minerva.Tiling.Tiff.Compression;

/// <summary>
/// Makes one complete JPEG stream of a TIFF JPEG tile: the IFD's JPEGTables (quantisation and Huffman tables,
/// written once for all tiles) spliced in front of the tile's own markers, and, for three-component data whose
/// stream names no colour space, an Adobe marker that says what the TIFF's PhotometricInterpretation says
/// (RGB or YCbCr). Without it decoders guess YCbCr, and Aperio's RGB tiles would come out with wrong colours.
/// </summary>
internal static class JpegStream
{
    private const byte Marker = 0xFF;
    private const byte StartOfImage = 0xD8;
    private const byte EndOfImage = 0xD9;
    private const byte StartOfScan = 0xDA;
    private const byte App0 = 0xE0;
    private const byte App14 = 0xEE;

    /// <summary>APP14 "Adobe", version 100, no flags, then the transform byte (0 RGB, 1 YCbCr).</summary>
    private static readonly byte[] s_adobeMarker = [Marker, App14, 0, 14, (byte)'A', (byte)'d', (byte)'o', (byte)'b', (byte)'e', 0, 100, 0, 0, 0, 0, 0];

    /// <summary>
    /// The stream to decode, in a buffer rented from <see cref="ArrayPool{T}.Shared"/> (return it); its length is
    /// <paramref name="length"/>.
    /// </summary>
    /// <param name="tile">The tile's bytes (SOI … EOI, tables possibly left out).</param>
    /// <param name="tables">The JPEGTables tag (SOI, tables, EOI), or null.</param>
    /// <param name="rgb">For three components without a JFIF or Adobe marker: true when the samples are RGB, false for YCbCr; null to leave the stream as it is.</param>
    /// <exception cref="InvalidDataException">The tile does not start with a JPEG start-of-image marker.</exception>
    public static byte[] Assemble(ReadOnlySpan<byte> tile, byte[]? tables, bool? rgb, out int length)
    {
        if (tile.Length < 4 || tile[0] != Marker || tile[1] != StartOfImage)
        {
            throw new InvalidDataException("the tile does not start with a JPEG start-of-image marker");
        }

        var tableMarkers = TableMarkers(tables);
        var addAdobe = rgb is not null && !HasColourMarker(tableMarkers) && !HasColourMarker(tile);
        length = 2 + (addAdobe ? s_adobeMarker.Length : 0) + tableMarkers.Length + tile.Length - 2;
        var stream = ArrayPool<byte>.Shared.Rent(length);
        var position = 0;
        stream[position++] = Marker;
        stream[position++] = StartOfImage;
        if (addAdobe)
        {
            s_adobeMarker.CopyTo(stream, position);
            stream[position + s_adobeMarker.Length - 1] = rgb == true ? (byte)0 : (byte)1;
            position += s_adobeMarker.Length;
        }

        tableMarkers.CopyTo(stream.AsSpan(position));
        position += tableMarkers.Length;
        tile[2..].CopyTo(stream.AsSpan(position));
        return stream;
    }

    /// <summary>The markers between the tables' SOI and EOI (empty when there are no tables).</summary>
    private static ReadOnlySpan<byte> TableMarkers(byte[]? tables)
    {
        if (tables is null || tables.Length < 4 || tables[0] != Marker || tables[1] != StartOfImage)
        {
            return [];
        }

        var end = tables.Length;
        if (tables[end - 2] == Marker && tables[end - 1] == EndOfImage)
        {
            end -= 2;
        }

        return tables.AsSpan(2, end - 2);
    }

    /// <summary>True when the marker segments before the first scan include a JFIF APP0 or an Adobe APP14 (they fix the colour space).</summary>
    private static bool HasColourMarker(ReadOnlySpan<byte> markers)
    {
        var position = markers.Length >= 2 && markers[0] == Marker && markers[1] == StartOfImage ? 2 : 0;
        while (position + 4 <= markers.Length && markers[position] == Marker)
        {
            var code = markers[position + 1];
            if (code == StartOfScan || code == EndOfImage)
            {
                return false;
            }

            var segment = BinaryPrimitives.ReadUInt16BigEndian(markers[(position + 2)..]);
            var payload = markers.Slice(position + 4, Math.Min(Math.Max(segment - 2, 0), markers.Length - position - 4));
            if ((code == App0 && payload.StartsWith("JFIF"u8)) || (code == App14 && payload.StartsWith("Adobe"u8)))
            {
                return true;
            }

            position += 2 + segment;
        }

        return false;
    }
}
