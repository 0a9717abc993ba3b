namespace Minerva.Tiling.IO;

/// <summary>
/// Random-access, read-only bytes of one source file: a local file, or an S3 object read by range.
/// Implementations must be safe for concurrent reads at different offsets.
/// </summary>
public interface IByteSource : IDisposable
{
    /// <summary>A name for error messages (a file name or an object key).</summary>
    string Name { get; }

    /// <summary>Total length in bytes.</summary>
    long Length { get; }

    /// <summary>
    /// Fills <paramref name="destination"/> with the bytes at <paramref name="offset"/>.
    /// Throws <see cref="InvalidImageException"/> when the range lies beyond <see cref="Length"/>.
    /// </summary>
    ValueTask ReadExactlyAsync(long offset, Memory<byte> destination, CancellationToken cancellationToken = default);
}
