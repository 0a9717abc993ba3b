using Minerva.Service.Storage;
using Minerva.Tiling.IO;
using Minerva.Tiling.Model;
using Minerva.Tiling.Tiff;

namespace Minerva.Service.Activities;

/// <summary>Opens uploaded source files with the engine, reading them from S3 by range (never downloading them whole).</summary>
public sealed class SourceImages(IObjectStore objects)
{
    /// <summary>The opened image; throws <see cref="Minerva.Tiling.InvalidImageException"/> when the file is not a readable image.</summary>
    public async Task<IPixelSource> OpenAsync(string key, CancellationToken ct = default)
    {
        var bytes = await objects.OpenAsync(key, ct);
        try
        {
            return await TiffImageSource.OpenAsync(bytes, ct);
        }
        catch
        {
            bytes.Dispose();
            throw;
        }
    }

    /// <summary>The fileset's reader: the format the engine read the file as ("ome-tiff", "svs", "qptiff", "tiff").</summary>
    public static string ReaderName(ImageInfo info) => info.Format;
}
