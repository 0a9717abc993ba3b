namespace Minerva.Tiling.IO;

/// <summary>
/// Key/value store the pyramid is written to: a local folder, or an S3 prefix.
/// Keys are relative Zarr paths with '/' separators (".zgroup", "0/0/.zarray", "0/0/0/0/0/3/1").
/// Writes of the same key with the same bytes are idempotent.
/// </summary>
public interface IChunkStore
{
    /// <summary>
    /// How many reads or writes one region should keep in flight: 1 for a local folder (a write lands in the page
    /// cache faster than a task hop), more for an object store, where each request mostly waits on the network.
    /// </summary>
    int Concurrency => 1;

    ValueTask WriteAsync(string key, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default);

    /// <summary>The stored bytes, or null when the key is absent.</summary>
    ValueTask<byte[]?> TryReadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the stored bytes into <paramref name="destination"/> and returns their length, or null when the key is absent.
    /// Lets the engine read chunks back into pooled buffers instead of a new megabyte array per chunk; stores that can
    /// read in place override it. Throws <see cref="InvalidDataException"/> when the stored value is longer than the buffer.
    /// </summary>
    async ValueTask<int?> TryReadIntoAsync(string key, Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        byte[]? data = await TryReadAsync(key, cancellationToken).ConfigureAwait(false);
        if (data is null)
        {
            return null;
        }

        if (data.Length > destination.Length)
        {
            throw new InvalidDataException($"Stored value '{key}' holds {data.Length} bytes, more than the {destination.Length} expected at most.");
        }

        data.CopyTo(destination);
        return data.Length;
    }
}
