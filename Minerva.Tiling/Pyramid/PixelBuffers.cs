using System.Buffers;

namespace Minerva.Tiling.Pyramid;

/// <summary>
/// The pool for region planes and chunk buffers (megabytes each). Not <see cref="ArrayPool{T}.Shared"/>: that pool
/// also caches arrays per thread, and regions run as async code that hops threads, so every pool thread would end
/// up holding its own 32 MiB planes. This pool keeps at most a few arrays per size, whichever thread returns them.
/// </summary>
internal static class PixelBuffers
{
    private static readonly ArrayPool<byte> Pool = ArrayPool<byte>.Create(maxArrayLength: 1 << 30, maxArraysPerBucket: 4);

    public static byte[] Rent(int length) => Pool.Rent(length);

    public static void Return(byte[] buffer) => Pool.Return(buffer);
}
