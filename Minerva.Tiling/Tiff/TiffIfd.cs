using Minerva.Tiling.Model;
using Minerva.Tiling.Tiff.Compression;

namespace Minerva.Tiling.Tiff;

/// <summary>
/// One parsed image file directory: the geometry, sample layout and codec of one stored image, and where
/// its tiles or strips lie. Strips are treated as tiles as wide as the image and RowsPerStrip high.
/// </summary>
internal sealed record TiffIfd
{
    /// <summary>Where the IFD sits, for messages: "IFD 3" or "SubIFD 1 of IFD 0".</summary>
    public required string Label { get; init; }

    public required long Width { get; init; }

    public required long Height { get; init; }

    public required int SamplesPerPixel { get; init; }

    public required int BitsPerSample { get; init; }

    /// <summary>1 unsigned, 2 signed, 3 IEEE float.</summary>
    public required int SampleFormat { get; init; }

    public required TiffCompression Compression { get; init; }

    public required TiffPredictor Predictor { get; init; }

    public required TiffPhotometric Photometric { get; init; }

    /// <summary>True for PlanarConfiguration 2: each sample has its own tiles.</summary>
    public required bool PlanarSeparate { get; init; }

    public required bool Tiled { get; init; }

    /// <summary>Tile width, or the image width for strips.</summary>
    public required int BlockWidth { get; init; }

    /// <summary>Tile height, or RowsPerStrip (capped at the image height) for strips.</summary>
    public required int BlockHeight { get; init; }

    public required int Depth { get; init; }

    public required long[] Offsets { get; init; }

    public required long[] ByteCounts { get; init; }

    /// <summary>Bit 0 set: a reduced-resolution version of another image.</summary>
    public required long NewSubfileType { get; init; }

    public required long[] SubIfdOffsets { get; init; }

    public string? Description { get; init; }

    /// <summary>XResolution and YResolution (pixels per <see cref="ResolutionUnit"/>), null when absent or not positive.</summary>
    public (double X, double Y)? Resolution { get; init; }

    /// <summary>ResolutionUnit: 1 none, 2 inch (the default), 3 centimetre.</summary>
    public int ResolutionUnit { get; init; } = 2;

    /// <summary>The JPEGTables tag: quantisation and Huffman tables the JPEG tiles of this IFD share (null when absent).</summary>
    public byte[]? JpegTables { get; init; }

    public bool IsReducedResolution => (NewSubfileType & 1) != 0;

    public int BytesPerSample => BitsPerSample / 8;

    public int BlocksAcross => checked((int)((Width + BlockWidth - 1) / BlockWidth));

    public int BlocksDown => checked((int)((Height + BlockHeight - 1) / BlockHeight));

    /// <summary>Samples stored side by side in one block: all of them, or one when planar-separate.</summary>
    public int SamplesPerBlock => PlanarSeparate ? 1 : SamplesPerPixel;

    public int BlockRowBytes => BlockWidth * SamplesPerBlock * BytesPerSample;

    /// <summary>The engine's type for this IFD's samples, or null when it has no such type.</summary>
    public PixelType? PixelType => (SampleFormat, BitsPerSample) switch
    {
        (1, 8) => Model.PixelType.UInt8,
        (2, 8) => Model.PixelType.Int8,
        (1, 16) => Model.PixelType.UInt16,
        (2, 16) => Model.PixelType.Int16,
        (1, 32) => Model.PixelType.UInt32,
        (2, 32) => Model.PixelType.Int32,
        (3, 32) => Model.PixelType.Float32,
        (3, 64) => Model.PixelType.Float64,
        _ => null,
    };

    /// <summary>True when the IFD holds the same kind of image as <paramref name="other"/> (size, samples, type).</summary>
    public bool SameShape(TiffIfd other) =>
        Width == other.Width && Height == other.Height && SamplesPerPixel == other.SamplesPerPixel && PixelType == other.PixelType;
}
