using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Minerva.Tiling.IO;

/// <summary>
/// The pool for large buffers: region planes, chunks, runs of stored tiles read from a source and their decoded
/// blocks (hundreds of kilobytes to tens of megabytes each). Not <see cref="System.Buffers.ArrayPool{T}.Shared"/>:
/// that pool also caches arrays per thread and per core, and reads run as async code that hops threads, so a busy
/// process ends up holding dozens of such arrays it no longer uses; and its sizes are powers of two, so a chunk's
/// encoded buffer (a little over 2 MiB for a 1024² uint16 chunk) takes 4 MiB. Here sizes step by quarters of a
/// power of two (at most 25 % unused) and any thread's returns serve any thread. The pool does not grow while it
/// holds more than <see cref="IdleSlack"/> idle: a request no idle buffer fits first frees idle buffers of other
/// sizes (what the work in flight needs changes shape from level to level and between inner and edge regions more
/// than in total), and a size no one asked for during a second is freed. A worker's memory is what its work in
/// flight needs, and an idle worker gives it back.
/// </summary>
public static class LargeBuffers
{
    /// <summary>Smaller requests are rounded up to this: below it the steps would be finer than they are worth.</summary>
    private const int MinLength = 64 * 1024;

    /// <summary>Idle bytes kept when a request needs a new buffer: ones the work in flight is about to ask for again.</summary>
    private const long IdleSlack = 32L << 20;

    /// <summary>glibc's M_MMAP_THRESHOLD.</summary>
    private const int MmapThreshold = -3;

    /// <summary>How often the sizes no one asked for since the last look are freed.</summary>
    private static readonly TimeSpan TrimPeriod = TimeSpan.FromSeconds(1);

    private static readonly ConcurrentDictionary<int, SizeClass> Sizes = new();

    /// <summary>Held in a field so the timer lives as long as the pool.</summary>
    private static readonly Timer Trimmer = new(_ => FreeSizesOutOfUse(), null, TrimPeriod, TrimPeriod);
    private static long s_idleBytes;

    static LargeBuffers()
    {
        if (OperatingSystem.IsLinux())
        {
            // glibc serves an allocation of 128 KiB or more by its own mapping, unmapped when freed, but after the
            // first such free it raises that limit to the freed size (up to 32 MiB), and from then on keeps buffers
            // like ours in its heaps, which give memory back to the system only from their top. Setting the limit
            // (to glibc's own starting value) fixes it, so every large buffer stays its own mapping.
            _ = Mallopt(MmapThreshold, 128 * 1024);
        }
    }

    /// <summary>A buffer of at least <paramref name="length"/> bytes; its contents are undefined. Give it back by <see cref="Return"/>.</summary>
    public static LargeBuffer Rent(int length)
    {
        int size = SizeFor(length);
        var sizeClass = Sizes.GetOrAdd(size, _ => new SizeClass(size));
        sizeClass.InUse = true;
        if (sizeClass.TryTake() is { } idle)
        {
            return idle;
        }

        FreeIdleBeyond(IdleSlack);
        return new LargeBuffer(size);
    }

    /// <summary>Gives back a buffer from <see cref="Rent"/>; it must not be used afterwards.</summary>
    public static void Return(LargeBuffer buffer) => Sizes[buffer.Length].Add(buffer);

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

    /// <summary>Frees the idle buffers of every size no one asked for since the last call.</summary>
    internal static void FreeSizesOutOfUse()
    {
        foreach (var sizeClass in Sizes.Values)
        {
            if (!sizeClass.InUse)
            {
                sizeClass.FreeIdle(0);
            }

            sizeClass.InUse = false;
        }
    }

    /// <summary>Frees idle buffers until at most <paramref name="keep"/> bytes are idle: of sizes out of use first, then the largest.</summary>
    private static void FreeIdleBeyond(long keep)
    {
        foreach (var sizeClass in Sizes.Values.OrderBy(s => s.InUse).ThenByDescending(s => s.Size))
        {
            sizeClass.FreeIdle(keep);
        }
    }

    /// <summary>Idle bytes the pool holds now.</summary>
    private static long IdleBytes => Interlocked.Read(ref s_idleBytes);

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int Mallopt(int parameter, int value);

    /// <summary>The idle buffers of one size.</summary>
    private sealed class SizeClass(int size)
    {
        private readonly ConcurrentBag<LargeBuffer> _idle = [];

        public int Size => size;

        /// <summary>Whether a buffer of this size was asked for since the last <see cref="FreeSizesOutOfUse"/>.</summary>
        public volatile bool InUse;

        public LargeBuffer? TryTake()
        {
            if (!_idle.TryTake(out var buffer))
            {
                return null;
            }

            Interlocked.Add(ref s_idleBytes, -size);
            return buffer;
        }

        public void Add(LargeBuffer buffer)
        {
            _idle.Add(buffer);
            Interlocked.Add(ref s_idleBytes, size);
        }

        /// <summary>Frees this size's idle buffers while the pool holds more than <paramref name="keep"/> idle bytes.</summary>
        public void FreeIdle(long keep)
        {
            while (IdleBytes > keep && TryTake() is { } buffer)
            {
                buffer.Free();
            }
        }
    }
}
