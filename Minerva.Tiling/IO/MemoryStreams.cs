using System.Buffers;
using System.Runtime.InteropServices;

namespace Minerva.Tiling.IO;

/// <summary>Read-only streams over memory, without copying it: for clients that send a stream, such as S3's.</summary>
public static class MemoryStreams
{
    /// <summary>The array's own stream, or for native memory (<see cref="LargeBuffer"/>) a stream over it.</summary>
    public static unsafe Stream OpenRead(ReadOnlyMemory<byte> data)
    {
        if (MemoryMarshal.TryGetArray(data, out var segment))
        {
            return new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false);
        }

        var pin = data.Pin();
        return new PinnedMemoryStream(pin, data.Length);
    }

    /// <summary>Keeps the memory pinned until the stream is disposed.</summary>
    private sealed unsafe class PinnedMemoryStream(MemoryHandle pin, int length) : UnmanagedMemoryStream((byte*)pin.Pointer, length)
    {
        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            pin.Dispose();
        }
    }
}
