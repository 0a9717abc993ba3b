namespace Minerva.Testing.Tiff;

/// <summary>
/// One IFD a test writer stores: its samples (each a plane of little-endian values), size, whether it is a
/// reduced-resolution level, how many SubIFD levels hang off it, and its ImageDescription.
/// </summary>
internal sealed record TestIfd(IReadOnlyList<byte[]> Samples, int Width, int Height, bool Reduced, int SubIfds, string? Description);
