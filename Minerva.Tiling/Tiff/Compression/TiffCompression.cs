namespace Minerva.Tiling.Tiff.Compression;

/// <summary>Values of the TIFF Compression tag (259) the reader reads or names in its messages.</summary>
internal enum TiffCompression
{
    None = 1,
    CcittRle = 2,
    CcittGroup3 = 3,
    CcittGroup4 = 4,
    Lzw = 5,
    OldJpeg = 6,
    Jpeg = 7,
    AdobeDeflate = 8,
    PackBits = 32773,
    Deflate = 32946,

    /// <summary>JPEG 2000 codestream of YCbCr samples (Aperio).</summary>
    Jpeg2000Ycc = 33003,

    /// <summary>JPEG 2000 codestream (libvips' lossy jp2k).</summary>
    Jpeg2000Lossy = 33004,

    /// <summary>JPEG 2000 codestream of RGB samples (Aperio).</summary>
    Jpeg2000Rgb = 33005,

    /// <summary>JPEG 2000 codestream (the code registered for any JPEG 2000 TIFF).</summary>
    Jpeg2000 = 34712,
    Lerc = 34887,
    Lzma = 34925,
    Zstd = 50000,
    WebP = 50001,
    JpegXl = 50002,
    JpegXlDng = 52546,
}

/// <summary>Facts about <see cref="TiffCompression"/> values.</summary>
internal static class TiffCompressionExtensions
{
    /// <summary>True for the codecs whose decoders turn YCbCr into RGB themselves (JPEG, JPEG 2000).</summary>
    public static bool DecodesToRgb(this TiffCompression compression) => compression is TiffCompression.Jpeg
        or TiffCompression.Jpeg2000Ycc or TiffCompression.Jpeg2000Lossy or TiffCompression.Jpeg2000Rgb or TiffCompression.Jpeg2000;

    /// <summary>"LZW", "JPEG 2000"; "unknown" for a value the enum does not name.</summary>
    public static string Describe(this TiffCompression compression) => compression switch
    {
        TiffCompression.None => "none",
        TiffCompression.CcittRle => "CCITT RLE",
        TiffCompression.CcittGroup3 => "CCITT Group 3",
        TiffCompression.CcittGroup4 => "CCITT Group 4",
        TiffCompression.Lzw => "LZW",
        TiffCompression.OldJpeg => "old-style JPEG",
        TiffCompression.Jpeg => "JPEG",
        TiffCompression.AdobeDeflate or TiffCompression.Deflate => "Deflate",
        TiffCompression.PackBits => "PackBits",
        TiffCompression.Jpeg2000Ycc or TiffCompression.Jpeg2000Lossy or TiffCompression.Jpeg2000Rgb or TiffCompression.Jpeg2000 => "JPEG 2000",
        TiffCompression.Lerc => "LERC",
        TiffCompression.Lzma => "LZMA",
        TiffCompression.Zstd => "Zstd",
        TiffCompression.WebP => "WebP",
        TiffCompression.JpegXl or TiffCompression.JpegXlDng => "JPEG XL",
        _ => "unknown",
    };
}
