using System.Collections.Concurrent;
using System.Numerics;

namespace Minerva.Tiling.IO;

/// <summary>
/// The pool for large buffers: region planes, chunks, runs of stored tiles read from a source and their decoded
/// blocks (hundreds of kilobytes to tens of megabytes each). Not <see cref="System.Buffers.ArrayPool{T}.Shared"/>:
/// that pool also caches arrays per thread and per core, and reads run as async code that hops threads, so a busy
/// process ends up holding dozens of such arrays it no longer uses; and its sizes are powers of two, so a chunk's
/// encoded buffer (a little over 2 MiB for a 1024² uint16 chunk) takes 4 MiB. Here sizes step by quarters of a
/// power of two (at most 25 % unused), any thread's returns serve any thread, and idle arrays are kept up to
/// <see cref="MaxIdleBytes"/> in all: a worker's memory is what its work in flight needs, without a stream of
/// garbage between collections.
/// </summary>
internal static class LargeBuffers
{
    /// <summary>Smaller requests are rounded up to this: below it the steps would be finer than they are worth.</summary>
    private const int MinLength = 64 * 1024;

    /// <summary>Idle arrays kept at most, in bytes; beyond it a returned array is left to the garbage collector.</summary>
    private const long MaxIdleBytes = 256L << 20;

    private static readonly ConcurrentDictionary<int, ConcurrentBag<byte[]>> Idle = new();
    private static long s_idleBytes;

    /// <summary>An array of at least <paramref name="length"/> bytes; its contents are undefined.</summary>
    public static byte[] Rent(int length)
    {
        int size = SizeFor(length);
        if (Idle.TryGetValue(size, out var bag) && bag.TryTake(out var buffer))
        {
            Interlocked.Add(ref s_idleBytes, -size);
            return buffer;
        }

        return GC.AllocateUninitializedArray<byte>(size);
    }

    /// <summary>Gives back an array from <see cref="Rent"/>; it must not be used afterwards.</summary>
    public static void Return(byte[] buffer)
    {
        if (Interlocked.Add(ref s_idleBytes, buffer.Length) > MaxIdleBytes)
        {
            Interlocked.Add(ref s_idleBytes, -buffer.Length);
            return;
        }

        Idle.GetOrAdd(buffer.Length, _ => []).Add(buffer);
    }

    /// <summary>The smallest of 2^k, 1.25·2^k, 1.5·2^k and 1.75·2^k (at least <see cref="MinLength"/>) that holds <paramref name="length"/> bytes.</summary>
    internal static int SizeFor(int length)
    {
        if (length <= MinLength)
        {
            return MinLength;
        }

        long power = 1L << BitOperations.Log2((uint)length - 1);
        long quarter = power / 4;
        return (int)Math.Min(Array.MaxLength, power + ((length - power + quarter - 1) / quarter * quarter));
    }
}
