using System.Buffers.Binary;

namespace Minerva.Tiling.Tiff.Compression;

/// <summary>Turns decoded JPEG 2000 components into the TIFF block's interleaved samples, and YCbCr into RGB.</summary>
internal static class Jpeg2000Samples
{
    /// <summary>One half in the 16.16 fixed point of the conversion factors (1.402 = 91881 / 65536 …).</summary>
    private const int Half = 1 << 15;

    /// <summary>
    /// Writes one row of component <paramref name="component"/> into interleaved <paramref name="row"/>: each value
    /// shifted by <paramref name="offset"/> (signed components), clamped to [0, <paramref name="max"/>], repeated
    /// <paramref name="dx"/> times across (a subsampled component).
    /// </summary>
    public static void StoreComponentRow(ReadOnlySpan<int> values, int dx, int offset, int max, Span<byte> row, int component, int components, int bytesPerSample)
    {
        var pixels = row.Length / (components * bytesPerSample);
        for (var x = 0; x < pixels; x++)
        {
            var value = Math.Clamp(values[x / dx] + offset, 0, max);
            var at = ((x * components) + component) * bytesPerSample;
            if (bytesPerSample == 1)
            {
                row[at] = (byte)value;
            }
            else
            {
                BinaryPrimitives.WriteUInt16LittleEndian(row[at..], (ushort)value);
            }
        }
    }

    /// <summary>
    /// Converts rows of interleaved 8-bit YCbCr to RGB in place with the JFIF equations (as OpenSlide and Bio-Formats
    /// read Aperio's YCbCr JPEG 2000): R = Y + 1.402 Cr', G = Y − 0.344136 Cb' − 0.714136 Cr', B = Y + 1.772 Cb', with
    /// Cb' = Cb − 128, Cr' = Cr − 128, rounded to nearest and clamped to [0, 255].
    /// </summary>
    public static void YccToRgb(Span<byte> block, int width, int height, int pitch)
    {
        for (var y = 0; y < height; y++)
        {
            var row = block.Slice(y * pitch, width * 3);
            for (var x = 0; x < row.Length; x += 3)
            {
                int luma = row[x], cb = row[x + 1] - 128, cr = row[x + 2] - 128;
                row[x] = Clamp(luma + (((91881 * cr) + Half) >> 16));
                row[x + 1] = Clamp(luma + (((-22554 * cb) - (46802 * cr) + Half) >> 16));
                row[x + 2] = Clamp(luma + (((116130 * cb) + Half) >> 16));
            }
        }
    }

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);
}
