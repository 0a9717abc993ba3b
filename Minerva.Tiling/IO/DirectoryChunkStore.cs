using System.Collections.Concurrent;
using Microsoft.Win32.SafeHandles;

namespace Minerva.Tiling.IO;

/// <summary>A chunk store in a local folder: key "0/0/0/0/0/3/1" is the file root/0/0/0/0/0/3/1.</summary>
public sealed class DirectoryChunkStore : IChunkStore
{
    private readonly string _root;

    // Folders already created, so each chunk write does not ask the file system again.
    private readonly ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);

    public DirectoryChunkStore(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    public ValueTask WriteAsync(string key, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        string path = PathOf(key);
        string folder = Path.GetDirectoryName(path)!;
        _folders.GetOrAdd(folder, f => Directory.CreateDirectory(f).Exists);

        // Synchronous: a chunk write lands in the page cache in well under a millisecond, less than an async hop costs.
        using var handle = File.OpenHandle(path, FileMode.Create, FileAccess.Write);
        RandomAccess.Write(handle, data.Span, 0);
        return ValueTask.CompletedTask;
    }

    public async ValueTask<byte[]?> TryReadAsync(string key, CancellationToken cancellationToken = default)
    {
        try
        {
            return await File.ReadAllBytesAsync(PathOf(key), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public async ValueTask<int?> TryReadIntoAsync(string key, Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        using (handle)
        {
            long length = RandomAccess.GetLength(handle);
            if (length > destination.Length)
            {
                throw new InvalidDataException($"Stored value '{key}' holds {length} bytes, more than the {destination.Length} expected at most.");
            }

            int read = 0;
            while (read < length)
            {
                int n = await RandomAccess.ReadAsync(handle, destination[read..(int)length], read, cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    throw new InvalidDataException($"Stored value '{key}' shrank while being read.");
                }

                read += n;
            }

            return read;
        }
    }

    private string PathOf(string key)
    {
        if (key.Length == 0 || key.StartsWith('/') || key.Split('/').Any(part => part is "" or "." or ".."))
        {
            throw new ArgumentException($"Chunk key '{key}' is not a relative path.", nameof(key));
        }

        return Path.Combine(_root, key);
    }
}
