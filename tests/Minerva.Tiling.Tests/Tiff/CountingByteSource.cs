using Minerva.Tiling.IO;

namespace Minerva.Tiling.Tests.Tiff;

/// <summary>Counts the range reads and bytes read through a real byte source.</summary>
internal sealed class CountingByteSource(IByteSource inner) : IByteSource
{
    private long _bytes;

    private int _reads;

    /// <summary>Range reads so far.</summary>
    public int Reads => Volatile.Read(ref _reads);

    /// <summary>Bytes read so far.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public string Name => inner.Name;

    public long Length => inner.Length;

    public ValueTask ReadExactlyAsync(long offset, Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        Interlocked.Add(ref _bytes, destination.Length);
        return inner.ReadExactlyAsync(offset, destination, cancellationToken);
    }

    public void Dispose() => inner.Dispose();
}
