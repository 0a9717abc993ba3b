namespace Minerva.Tiling.Ome;

/// <summary>The parts of an OME-XML document the reader uses: the file's UUID and its images.</summary>
internal sealed record OmeDocument(string? Uuid, IReadOnlyList<OmeImage> Images);

/// <summary>One OME &lt;Image&gt; with its &lt;Pixels&gt;.</summary>
internal sealed record OmeImage(
    string? Name,
    string DimensionOrder,
    string Type,
    long SizeX,
    long SizeY,
    int SizeZ,
    int SizeC,
    int SizeT,
    OmeLength? PhysicalSizeX,
    OmeLength? PhysicalSizeY,
    OmeLength? PhysicalSizeZ,
    IReadOnlyList<OmeChannel> Channels,
    IReadOnlyList<OmeTiffData> TiffData);

/// <summary>A physical size with its unit as a UDUNITS name (null when OME names a unit NGFF has no name for).</summary>
internal sealed record OmeLength(double Value, string? Unit);

/// <summary>An OME &lt;Channel&gt;: one or more samples (an RGB channel holds three).</summary>
internal sealed record OmeChannel(string? Name, int? Color, int SamplesPerPixel);

/// <summary>
/// An OME &lt;TiffData&gt;: <paramref name="PlaneCount"/> planes from (FirstZ, FirstC, FirstT) on in dimension order
/// lie in consecutive IFDs from <paramref name="Ifd"/>. Null fields were absent.
/// </summary>
internal sealed record OmeTiffData(int? Ifd, int FirstZ, int FirstC, int FirstT, int? PlaneCount, string? Uuid);
