using System.Collections.Concurrent;
using Minerva.Service.Orchestration;
using Minerva.Tiling.IO;
using Minerva.Tiling.Model;
using Minerva.Tiling.Tiff;

namespace Minerva.Service.Storage;

/// <summary>
/// Opens uploaded source files with the engine, reading them from S3 by range (never downloading them whole), and
/// keeps the last few opened on this worker: every region of a file needs the same parsed structure (IFDs, tile
/// offsets), which takes several round trips to S3 to read.
/// </summary>
public sealed class SourceImages(IObjectStore objects)
{
    /// <summary>Sources kept open; a large image's parsed structure is a few megabytes at most.</summary>
    private const int Capacity = 8;

    private readonly ConcurrentDictionary<SourceVersion, Lazy<Task<IPixelSource>>> _open = new();
    private readonly ConcurrentQueue<SourceVersion> _openOrder = new();

    /// <summary>
    /// The image in the version of the upload a fileset imports. Shared by every caller on this worker, so callers do not dispose it
    /// (a source over S3 holds no connection or file between reads). Throws <see cref="Minerva.Tiling.InvalidImageException"/>
    /// when the file is not a readable image or is no longer that version.
    /// </summary>
    public Task<IPixelSource> GetAsync(FilesetRef fileset)
    {
        var version = new SourceVersion(fileset.SourceKey, fileset.SourceETag, fileset.Name);
        var open = _open.GetOrAdd(version, v =>
        {
            _openOrder.Enqueue(v);
            return new Lazy<Task<IPixelSource>>(() => OpenAsync(v));
        });
        while (_open.Count > Capacity && _openOrder.TryDequeue(out var oldest))
        {
            _open.TryRemove(oldest, out _);
        }

        // A failed open is not kept: the next caller tries again (a transient fault) or fails the same way (a bad file).
        _ = open.Value.ContinueWith(_ => _open.TryRemove(new(version, open)), TaskContinuationOptions.OnlyOnFaulted);
        return open.Value;
    }

    /// <summary>The fileset's reader: the format the engine read the file as ("ome-tiff", "svs", "qptiff", "tiff").</summary>
    public static string ReaderName(ImageInfo info) => info.Format;

    private async Task<IPixelSource> OpenAsync(SourceVersion version)
    {
        var bytes = await objects.OpenAsync(version.Key, version.ETag, version.Name);
        try
        {
            return await TiffImageSource.OpenAsync(bytes);
        }
        catch
        {
            bytes.Dispose();
            throw;
        }
    }

    /// <summary>One version of an upload, and the file name its errors give (the key's part under the import's prefix).</summary>
    private sealed record SourceVersion(string Key, string ETag, string Name);
}
