namespace Minerva.Tiling.Model;

/// <summary>
/// What a source file holds: its OME-XML (null when the file carries none), its series, and the format it was read
/// as (<see cref="ImageFormats"/>), which the service records as a fileset's reader.
/// </summary>
public sealed record ImageInfo(string? OmeXml, IReadOnlyList<SeriesInfo> Series, string Format = ImageFormats.Tiff);

/// <summary>The formats the engine reads, as the names a fileset's <c>reader</c> shows.</summary>
public static class ImageFormats
{
    public const string Tiff = "tiff";
    public const string OmeTiff = "ome-tiff";
    public const string AperioSvs = "svs";
    public const string Qptiff = "qptiff";
}

/// <summary>
/// One image series (an OME &lt;Image&gt;; a plain TIFF is one series).
/// Sizes are of the full-resolution level. Interleaved samples (RGB) are already counted as channels.
/// </summary>
public sealed record SeriesInfo(
    int Index,
    string Name,
    int SizeT,
    int SizeC,
    int SizeZ,
    long SizeY,
    long SizeX,
    PixelType PixelType,
    PhysicalSizes PhysicalSizes,
    IReadOnlyList<ChannelInfo> Channels,
    IReadOnlyList<StoredLevel> StoredLevels);

/// <summary>Physical pixel sizes with their units as UDUNITS names ("micrometer"); null when the file does not say.</summary>
public sealed record PhysicalSizes(double? X, string? XUnit, double? Y, string? YUnit, double? Z, string? ZUnit)
{
    public static readonly PhysicalSizes Unknown = new(null, null, null, null, null, null);
}

/// <summary>A channel's label and colour (RGBA packed as OME's signed int, null when absent).</summary>
public sealed record ChannelInfo(string? Name, int? Color);

/// <summary>
/// A resolution level the source already holds (index 0 is full resolution), in SubIFDs or following IFDs.
/// </summary>
public sealed record StoredLevel(int Index, long SizeY, long SizeX);
