using Microsoft.Win32.SafeHandles;

namespace Minerva.Tiling.IO;

/// <summary>
/// A local file read by position (<see cref="RandomAccess"/>): no shared file pointer, so concurrent
/// reads at different offsets are safe without locking.
/// </summary>
public sealed class FileByteSource : IByteSource
{
    private readonly SafeFileHandle _handle;

    private FileByteSource(string path, SafeFileHandle handle, long length)
    {
        Name = path;
        _handle = handle;
        Length = length;
    }

    public string Name { get; }

    public long Length { get; }

    /// <summary>Opens <paramref name="path"/> for shared reading; a missing file is the caller's mistake, reported as such.</summary>
    /// <exception cref="InvalidImageException">The file does not exist or cannot be opened.</exception>
    public static FileByteSource Open(string path)
    {
        try
        {
            var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
            return new FileByteSource(path, handle, RandomAccess.GetLength(handle));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidImageException($"{path}: cannot open the file ({e.Message}).", e);
        }
    }

    public async ValueTask ReadExactlyAsync(long offset, Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (offset < 0 || offset > Length - destination.Length)
        {
            throw new InvalidImageException(
                $"{Name}: a read of {destination.Length} bytes at offset {offset} lies beyond the end of the file ({Length} bytes); the file is truncated or damaged.");
        }

        var done = 0;
        while (done < destination.Length)
        {
            var read = await RandomAccess.ReadAsync(_handle, destination[done..], offset + done, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new InvalidImageException($"{Name}: the file ended at offset {offset + done} while reading; it was truncated while open.");
            }

            done += read;
        }
    }

    public void Dispose() => _handle.Dispose();
}
