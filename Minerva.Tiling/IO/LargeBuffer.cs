using System.Buffers;
using System.Runtime.InteropServices;

namespace Minerva.Tiling.IO;

/// <summary>
/// A buffer of native memory from <see cref="LargeBuffers"/>. Native, not a managed array: when the pool lets a
/// buffer go, its memory goes back to the operating system at once, where a large array would wait on the
/// large-object heap for a full collection (rare in a worker, so dropped arrays piled up by hundreds of megabytes).
/// Every buffer must go back by <see cref="LargeBuffers.Return"/> (renters return them in <c>finally</c>): no
/// finalizer frees a lost one, as a finalizer could free memory a span still points to.
/// </summary>
public sealed unsafe class LargeBuffer : MemoryManager<byte>
{
    private byte* _pointer;

    internal LargeBuffer(int length)
    {
        _pointer = (byte*)NativeMemory.Alloc((nuint)length);
        Length = length;
    }

    public int Length { get; }

    public Span<byte> Span => GetSpan();

    public override Span<byte> GetSpan() => new(Pointer, Length);

    public override MemoryHandle Pin(int elementIndex = 0) => new(Pointer + elementIndex);

    public override void Unpin()
    {
        // Native memory never moves.
    }

    protected override void Dispose(bool disposing) => Free();

    /// <summary>Gives the memory back to the operating system; the buffer must not be used afterwards.</summary>
    internal void Free()
    {
        NativeMemory.Free(_pointer);
        _pointer = null;
    }

    private byte* Pointer => _pointer != null ? _pointer : throw new ObjectDisposedException(nameof(LargeBuffer));
}
