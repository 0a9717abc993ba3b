using Minerva.Testing.Tiff;
using Minerva.Tiling.IO;
using Minerva.Tiling.Tiff;

namespace Minerva.Tiling.Tests.Tiff;

/// <summary>A temporary folder for test files, deleted with the instance.</summary>
public sealed class TempTiff : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("minerva-tiff-").FullName;

    public string PathOf(string name) => Path.Combine(_folder, name);

    /// <summary>Writes <paramref name="spec"/> with the independent writer; returns the file's path and pixels.</summary>
    public (string Path, TestTiffImage Image) Write(TestTiffSpec spec, string name = "image.tif")
    {
        var path = PathOf(name);
        return (path, TestTiff.Write(path, spec));
    }

    /// <summary>Writes raw bytes as a file.</summary>
    public string WriteBytes(byte[] bytes, string name = "raw.tif")
    {
        var path = PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static Task<TiffImageSource> OpenAsync(string path) => TiffImageSource.OpenAsync(FileByteSource.Open(path));

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
