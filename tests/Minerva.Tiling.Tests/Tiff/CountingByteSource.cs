using Minerva.Tiling.IO;

namespace Minerva.Tiling.Tests.Tiff;

/// <summary>Counts the range reads made through a real byte source.</summary>
internal sealed class CountingByteSource(IByteSource inner) : IByteSource
{
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    public string Name => inner.Name;

    public long Length => inner.Length;

    public ValueTask ReadExactlyAsync(long offset, Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        return inner.ReadExactlyAsync(offset, destination, cancellationToken);
    }

    public void Dispose() => inner.Dispose();
}
