namespace Minerva.Tiling.Tiff;

/// <summary>
/// The parsed structure of a TIFF: its byte order, the main IFD chain in file order, and each main IFD's
/// SubIFDs (reduced resolutions in OME-TIFF 6 / Bio-Formats pyramids).
/// </summary>
internal sealed record TiffFile(bool BigEndian, bool BigTiff, IReadOnlyList<TiffIfd> Ifds, IReadOnlyList<IReadOnlyList<TiffIfd>> SubIfds);
