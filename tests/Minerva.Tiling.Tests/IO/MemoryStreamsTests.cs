using Minerva.Tiling.IO;

namespace Minerva.Tiling.Tests.IO;

public sealed class MemoryStreamsTests
{
    [Fact]
    public void OpenRead_NativeMemory_ReadsItsBytes()
    {
        var buffer = LargeBuffers.Rent(1000);
        try
        {
            for (int i = 0; i < 1000; i++)
            {
                buffer.Span[i] = (byte)i;
            }

            using var stream = MemoryStreams.OpenRead(buffer.Memory[10..510]);
            var read = new byte[600];
            int length = stream.ReadAtLeast(read, 600, throwOnEndOfStream: false);

            Assert.Equal(500, length);
            Assert.Equal(buffer.Span[10..510].ToArray(), read[..500]);
        }
        finally
        {
            LargeBuffers.Return(buffer);
        }
    }

    [Fact]
    public void OpenRead_Array_ReadsItsBytesWithoutWriting()
    {
        byte[] array = [1, 2, 3, 4, 5];

        using var stream = MemoryStreams.OpenRead(array.AsMemory(1, 3));

        Assert.Equal(3, stream.Length);
        Assert.False(stream.CanWrite);
        Assert.Equal(2, stream.ReadByte());
    }
}
