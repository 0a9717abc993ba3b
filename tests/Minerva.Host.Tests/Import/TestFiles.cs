using Minerva.Testing.Tiff;
using Minerva.Tiling.Model;

namespace Minerva.Host.Tests.Import;

/// <summary>Source files for the import tests, written at test time into a temp folder removed on dispose.</summary>
internal sealed class TestFiles : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("minerva-import-");

    /// <summary>
    /// A 2-channel uint16 OME-TIFF of 600×400 with a stored 3-level SubIFD pyramid in Deflate tiles; with 128-pixel
    /// chunks it becomes a 4-level OME-Zarr (the last level computed, not stored). <paramref name="seed"/> varies the pixels.
    /// </summary>
    public (string Path, TestTiffImage Image) PyramidalOmeTiff(string name = "sample.ome.tiff", int seed = 1, int width = 600, int height = 400)
    {
        string path = Path.Combine(directory.FullName, $"{seed}-{name}");
        var image = TestTiff.Write(path, new TestTiffSpec
        {
            Width = width,
            Height = height,
            SizeC = 2,
            PixelType = PixelType.UInt16,
            TileSize = 128,
            Compression = TestCompression.AdobeDeflate,
            PyramidLevels = 3,
            Content = TestContent.Smooth,
            Seed = seed,
            Ome = new TestOme
            {
                PhysicalSizeX = 0.65,
                PhysicalSizeY = 0.65,
                ChannelNames = ["DAPI", "CD45"],
                ChannelColors = [unchecked((int)0x0000FFFF), unchecked((int)0x00FF00FF)],
            },
        });
        return (path, image);
    }

    /// <summary>A 2-channel uint16 OME-TIFF in strips, written in process by LibTiff.NET (quick to make many of).</summary>
    public string SmallOmeTiff(string name, int seed, int width, int height)
    {
        string path = Path.Combine(directory.FullName, name);
        TestTiff.Write(path, new TestTiffSpec
        {
            Width = width,
            Height = height,
            SizeC = 2,
            PixelType = PixelType.UInt16,
            Seed = seed,
            Ome = new TestOme { ChannelNames = ["DAPI", "CD45"] },
        });
        return path;
    }

    public string Text(string name, string content)
    {
        string path = Path.Combine(directory.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    public string NewDirectory(string name) => Directory.CreateDirectory(Path.Combine(directory.FullName, name)).FullName;

    public void Dispose() => directory.Delete(recursive: true);
}
