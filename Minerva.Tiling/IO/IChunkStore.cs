namespace Minerva.Tiling.IO;

/// <summary>
/// Key/value store the pyramid is written to: a local folder, or an S3 prefix.
/// Keys are relative Zarr paths with '/' separators (".zgroup", "0/0/.zarray", "0/0/0/0/0/3/1").
/// Writes of the same key with the same bytes are idempotent.
/// </summary>
public interface IChunkStore
{
    ValueTask WriteAsync(string key, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default);

    /// <summary>The stored bytes, or null when the key is absent.</summary>
    ValueTask<byte[]?> TryReadAsync(string key, CancellationToken cancellationToken = default);
}
