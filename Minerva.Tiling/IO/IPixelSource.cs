using Minerva.Tiling.Model;

namespace Minerva.Tiling.IO;

/// <summary>An opened image that can read rectangles of its planes.</summary>
public interface IPixelSource : IDisposable
{
    ImageInfo Info { get; }

    /// <summary>
    /// Reads channels [c0, c0+cCount) of plane (t, z) of a stored level of a series, rectangle
    /// (y0, x0, height, width) in that level's pixels, into <paramref name="destination"/> laid out
    /// [c][y][x], row-major, little-endian samples of the series' pixel type, no padding.
    /// Throws <see cref="InvalidImageException"/> if the data is missing or damaged (never returns zeros for it).
    /// </summary>
    ValueTask ReadAsync(PlaneRect rect, Memory<byte> destination, CancellationToken cancellationToken = default);
}

/// <summary>A rectangle of one or more channels of one plane of a stored level.</summary>
public readonly record struct PlaneRect(int Series, int Level, int T, int Z, int C0, int CCount, long Y0, long X0, int Height, int Width);
