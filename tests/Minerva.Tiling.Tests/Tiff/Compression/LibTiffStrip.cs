using BitMiracle.LibTiff.Classic;

namespace Minerva.Tiling.Tests.Tiff.Compression;

using Tiff = BitMiracle.LibTiff.Classic.Tiff;

/// <summary>Encodes one strip of 8-bit grey samples with LibTiff.NET's codecs and returns the stored bytes.</summary>
internal static class LibTiffStrip
{
    public static byte[] Encode(byte[] pixels, int width, int height, BitMiracle.LibTiff.Classic.Compression compression)
    {
        using var stream = new MemoryStream();
        using (var writer = Tiff.ClientOpen("strip", "w", stream, new TiffStream()) ?? throw new IOException("LibTiff.NET cannot write."))
        {
            writer.SetField(TiffTag.IMAGEWIDTH, width);
            writer.SetField(TiffTag.IMAGELENGTH, height);
            writer.SetField(TiffTag.BITSPERSAMPLE, 8);
            writer.SetField(TiffTag.SAMPLESPERPIXEL, 1);
            writer.SetField(TiffTag.ROWSPERSTRIP, height);
            writer.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISBLACK);
            writer.SetField(TiffTag.COMPRESSION, compression);
            writer.WriteEncodedStrip(0, pixels, pixels.Length);
            writer.WriteDirectory();
        }

        using var reader = Tiff.ClientOpen("strip", "r", new MemoryStream(stream.ToArray()), new TiffStream()) ?? throw new IOException("LibTiff.NET cannot read back.");
        var raw = new byte[(int)reader.RawStripSize(0)];
        reader.ReadRawStrip(0, raw, 0, raw.Length);
        return raw;
    }
}
