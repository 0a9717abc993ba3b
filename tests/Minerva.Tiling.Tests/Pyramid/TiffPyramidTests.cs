using Minerva.Testing.Tiff;
using Minerva.Tiling.IO;
using Minerva.Tiling.Model;
using Minerva.Tiling.Pyramid;
using Minerva.Tiling.Tiff;

namespace Minerva.Tiling.Tests.Pyramid;

/// <summary>Pyramids built from real OME-TIFFs with SubIFD pyramids: stored levels are copied, the others are means.</summary>
public class TiffPyramidTests
{
    [Theory]
    [InlineData(2, 4, new int[] { 0, 1, 2, 3 })]
    [InlineData(4, 3, new int[] { 0, -1, 1, -1, 2 })]
    public async Task Build_SubIfdPyramid_CopiesStoredLevelsAndComputesTheOthers(int factor, int storedLevels, int[] expectedStored)
    {
        using var folder = new TempDirectory();
        string path = Path.Combine(folder.Path, "pyramid.ome.tif");
        var image = TestTiff.Write(path, new TestTiffSpec
        {
            Width = 1100, Height = 1037, SizeC = 2, TileSize = 128, Compression = TestCompression.AdobeDeflate,
            PyramidLevels = storedLevels, PyramidFactor = factor, Ome = new TestOme(),
        });
        using var source = await TiffImageSource.OpenAsync(FileByteSource.Open(path));
        var options = new TileOptions(ChunkSize: 128, RegionBytes: 256 * 256 * 2);
        var plan = PyramidPlanner.Plan(source.Info.Series[0], options);
        var store = new DirectoryChunkStore(Path.Combine(folder.Path, "out.zarr"));

        await new LocalPyramidWriter(2).WriteAsync(source, [0], options, store, CancellationToken.None);

        Assert.Equal(expectedStored, plan.Levels.Select(l => l.StoredLevel ?? -1).Take(expectedStored.Length));
        for (int c = 0; c < 2; c++)
        {
            byte[]? above = null;
            foreach (var level in plan.Levels)
            {
                byte[] expected = level.StoredLevel is int stored
                    ? image.Plane(0, stored, 0, c, 0)
                    : ReferenceMean.Halve(PixelType.UInt16, above!, plan.Levels[level.Level - 1].SizeY, plan.Levels[level.Level - 1].SizeX);
                byte[] actual = await ZarrPlaneReader.ReadAsync(store, plan, level.Level, 0, c, 0);
                Assert.True(expected.AsSpan().SequenceEqual(actual), $"Level {level.Level} of channel {c} differs.");
                above = actual;
            }
        }
    }
}
