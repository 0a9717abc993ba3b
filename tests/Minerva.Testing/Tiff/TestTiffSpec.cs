using Minerva.Tiling.Model;

namespace Minerva.Testing.Tiff;

/// <summary>Compression of a test TIFF's tiles or strips (the TIFF Compression tag value in brackets).</summary>
public enum TestCompression
{
    /// <summary>1.</summary>
    None,

    /// <summary>5.</summary>
    Lzw,

    /// <summary>8, Adobe-style Deflate.</summary>
    AdobeDeflate,

    /// <summary>32946, the older Deflate code.</summary>
    Deflate,

    /// <summary>32773.</summary>
    PackBits,

    /// <summary>50000, written by Debian's tiffcp (LibTiff.NET cannot write it).</summary>
    Zstd,

    /// <summary>34925, written by Debian's tiffcp: a lossless codec Minerva does not read, for "unsupported compression" tests.</summary>
    Lzma,
}

/// <summary>TIFF predictor: none (1), horizontal differencing (2), floating point (3).</summary>
public enum TestPredictor
{
    None,
    Horizontal,
    FloatingPoint,
}

/// <summary>Where reduced-resolution levels go: SubIFDs of each plane (OME-TIFF 6 / Bio-Formats) or the IFDs right after it.</summary>
public enum TestPyramidStorage
{
    SubIfds,
    FollowingIfds,
}

/// <summary>Which library encodes the file.</summary>
public enum TestEncoder
{
    /// <summary>BitMiracle LibTiff.NET (writes each IFD after its data).</summary>
    LibTiffNet,

    /// <summary>LibTiff.NET uncompressed, re-encoded by Debian's tiffcp (libtiff 4.5).</summary>
    Tiffcp,

    /// <summary>Python's tifffile (writes each IFD before its data); None or AdobeDeflate only.</summary>
    Tifffile,
}

/// <summary>Pixel values: uniform random bytes (incompressible), or a smooth gradient with a little noise (compresses ~1.5–3×, like microscopy).</summary>
public enum TestContent
{
    Random,
    Smooth,
}

/// <summary>How the OME-XML maps planes to IFDs.</summary>
public enum TestTiffData
{
    /// <summary>One &lt;TiffData IFD FirstZ FirstC FirstT PlaneCount="1"&gt; per plane.</summary>
    PerPlane,

    /// <summary>One &lt;TiffData IFD PlaneCount&gt; per image covering all its planes.</summary>
    OneBlock,

    /// <summary>No &lt;TiffData&gt;: readers take planes from consecutive IFDs.</summary>
    None,
}

/// <summary>The OME-XML a test TIFF carries in its first ImageDescription.</summary>
public sealed record TestOme
{
    /// <summary>One of XYZCT, XYZTC, XYCTZ, XYCZT, XYTCZ, XYTZC; IFDs are written in this plane order.</summary>
    public string DimensionOrder { get; init; } = "XYCZT";

    public double? PhysicalSizeX { get; init; }

    public double? PhysicalSizeY { get; init; }

    public double? PhysicalSizeZ { get; init; }

    /// <summary>The unit symbol of all three physical sizes ("nm", "µm"); null writes no unit attribute (OME's default µm).</summary>
    public string? PhysicalSizeUnit { get; init; }

    /// <summary>Channel names; null or shorter than SizeC leaves the rest unnamed.</summary>
    public IReadOnlyList<string>? ChannelNames { get; init; }

    /// <summary>Channel colours as OME's packed signed RGBA ints.</summary>
    public IReadOnlyList<int>? ChannelColors { get; init; }

    public TestTiffData TiffData { get; init; } = TestTiffData.PerPlane;

    /// <summary>Rewrites the generated XML before it is stored (to declare planes the file lacks, and the like).</summary>
    public Func<string, string>? Transform { get; init; }
}

/// <summary>
/// What <see cref="TestTiff.Write"/> writes. Defaults: a 300×200 uint16 single-channel classic little-endian
/// TIFF in 16-row strips, uncompressed, no OME-XML.
/// </summary>
public sealed record TestTiffSpec
{
    public int Width { get; init; } = 300;

    public int Height { get; init; } = 200;

    public int SizeC { get; init; } = 1;

    public int SizeZ { get; init; } = 1;

    public int SizeT { get; init; } = 1;

    /// <summary>OME images (series) of this same shape, each with its own pixels. More than one needs <see cref="Ome"/>.</summary>
    public int SeriesCount { get; init; } = 1;

    public PixelType PixelType { get; init; } = PixelType.UInt16;

    /// <summary>Tile width and height (multiples of 16); null writes strips.</summary>
    public int? TileSize { get; init; }

    /// <summary>Rows per strip when <see cref="TileSize"/> is null.</summary>
    public int RowsPerStrip { get; init; } = 16;

    public TestCompression Compression { get; init; } = TestCompression.None;

    public TestPredictor Predictor { get; init; } = TestPredictor.None;

    /// <summary>Store the channels as samples of one IFD per plane (SamplesPerPixel = SizeC) instead of one IFD per channel.</summary>
    public bool ChannelsAsSamples { get; init; }

    /// <summary>With <see cref="ChannelsAsSamples"/>: PlanarConfiguration 2 (each sample its own tiles) instead of interleaved.</summary>
    public bool PlanarSeparate { get; init; }

    /// <summary>With <see cref="ChannelsAsSamples"/> and 3 or 4 channels: PhotometricInterpretation RGB.</summary>
    public bool Rgb { get; init; }

    public bool BigTiff { get; init; }

    public bool BigEndian { get; init; }

    /// <summary>Null writes a plain TIFF (then SizeT must be 1 and several channels need <see cref="ChannelsAsSamples"/>).</summary>
    public TestOme? Ome { get; init; }

    /// <summary>Stored resolution levels including full resolution (1 = no pyramid).</summary>
    public int PyramidLevels { get; init; } = 1;

    /// <summary>Each level is this many times smaller than the one above (2 or 4), sizes rounded up.</summary>
    public int PyramidFactor { get; init; } = 2;

    public TestPyramidStorage PyramidStorage { get; init; } = TestPyramidStorage.SubIfds;

    public TestEncoder Encoder { get; init; } = TestEncoder.LibTiffNet;

    public TestContent Content { get; init; } = TestContent.Random;

    public int Seed { get; init; } = 1;

    /// <summary>Samples each IFD stores.</summary>
    public int SamplesPerIfd => ChannelsAsSamples ? SizeC : 1;

    /// <summary>Width and height of stored level <paramref name="level"/>.</summary>
    public (int Width, int Height) LevelSize(int level)
    {
        var (width, height) = (Width, Height);
        for (var i = 0; i < level; i++)
        {
            (width, height) = ((width + PyramidFactor - 1) / PyramidFactor, (height + PyramidFactor - 1) / PyramidFactor);
        }

        return (width, height);
    }

    /// <summary>
    /// True when tiffcp must encode the file: for Zstd and LZMA, and for what LibTiff.NET 2.4.660 writes wrongly
    /// (checked against libtiff and tifffile): the big-endian BigTIFF header (offset size 0) and big-endian
    /// data with a predictor (differences taken on swapped samples); and what it cannot write: the horizontal
    /// predictor on 64-bit samples.
    /// </summary>
    internal bool NeedsTiffcp => Compression is TestCompression.Zstd or TestCompression.Lzma || Encoder == TestEncoder.Tiffcp
        || (BigEndian && (BigTiff || Predictor != TestPredictor.None))
        || (Predictor == TestPredictor.Horizontal && PixelType == PixelType.Float64);

    /// <summary>True when tifffile writes the file: when asked, and for SubIFD pyramids (LibTiff.NET 2.4.660 overwrites the header when it links SubIFDs).</summary>
    internal bool NeedsTifffile => Encoder == TestEncoder.Tifffile || (PyramidLevels > 1 && PyramidStorage == TestPyramidStorage.SubIfds);

    internal void Validate()
    {
        if (Ome is null && (SizeT != 1 || SeriesCount != 1 || (SizeC > 1 && !ChannelsAsSamples)))
        {
            throw new ArgumentException("A plain TIFF holds one series of Z planes; use Ome for T, several series or one IFD per channel.");
        }

        if (BigEndian && Predictor == TestPredictor.FloatingPoint)
        {
            throw new ArgumentException(
                "No writer here stores big-endian data with the floating-point predictor correctly: libtiff 4.5 and LibTiff.NET swap bytes before the predictor, tifffile needs imagecodecs.");
        }

        if (Ome?.TiffData == TestTiffData.OneBlock && PyramidLevels > 1 && PyramidStorage == TestPyramidStorage.FollowingIfds)
        {
            throw new ArgumentException("One TiffData block cannot skip the reduced-resolution IFDs between planes; use PerPlane or None with FollowingIfds.");
        }

        if (TileSize is { } tile && (tile <= 0 || tile % 16 != 0))
        {
            throw new ArgumentException("TIFF tile sizes are multiples of 16.");
        }

        if ((PlanarSeparate || Rgb) && !ChannelsAsSamples)
        {
            throw new ArgumentException("PlanarSeparate and Rgb describe channels stored as samples (ChannelsAsSamples).");
        }

        if (NeedsTifffile && (Encoder == TestEncoder.Tiffcp || Compression is not (TestCompression.None or TestCompression.AdobeDeflate)))
        {
            throw new ArgumentException("tifffile writes SubIFD pyramids, and without imagecodecs it writes only None or AdobeDeflate.");
        }
    }
}
