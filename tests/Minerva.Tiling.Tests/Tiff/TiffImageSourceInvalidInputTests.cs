using BitMiracle.LibTiff.Classic;
using Minerva.Testing.Tiff;
using Minerva.Tiling.IO;

namespace Minerva.Tiling.Tests.Tiff;

/// <summary>Damaged or unreadable files fail with one sentence naming the file and the problem.</summary>
public sealed class TiffImageSourceInvalidInputTests : IDisposable
{
    private readonly TempTiff _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task OpenAsync_EmptyFile_ThrowsEmpty()
    {
        var path = _temp.WriteBytes([]);
        await AssertOpenFailsAsync(path, "the file is empty");
    }

    [Fact]
    public async Task OpenAsync_FewBytes_ThrowsTooShort()
    {
        var path = _temp.WriteBytes([0x49, 0x49, 0x2A, 0x00, 0x08]);
        await AssertOpenFailsAsync(path, "too short to be a TIFF");
    }

    [Fact]
    public async Task OpenAsync_PngFile_ThrowsNotATiff()
    {
        var path = _temp.WriteBytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
        await AssertOpenFailsAsync(path, "not a TIFF (it starts with bytes 89504E47)");
    }

    [Fact]
    public async Task OpenAsync_FirstIfdBeyondEndOfFile_ThrowsBeyondEnd()
    {
        var path = _temp.WriteBytes([0x49, 0x49, 0x2A, 0x00, 0xE8, 0x03, 0x00, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]);
        await AssertOpenFailsAsync(path, "IFD 0 at offset 1000 lies beyond the end of the file (16 bytes)");
    }

    [Fact]
    public async Task OpenAsync_TruncatedBeforeItsIfd_ThrowsBeyondEnd()
    {
        // LibTiff.NET writes the IFD after the pixels: cutting the file loses the IFD.
        var (path, _) = _temp.Write(new TestTiffSpec { Width = 100, Height = 100 });
        Truncate(path, new FileInfo(path).Length / 2);
        await AssertOpenFailsAsync(path, "IFD 0 at offset");
    }

    [Fact]
    public async Task OpenAsync_TruncatedInsideTileData_ThrowsTileBeyondEnd()
    {
        // tifffile writes the IFD before the pixels: cutting the file loses tiles but keeps the IFD.
        var (path, _) = _temp.Write(new TestTiffSpec { Width = 128, Height = 128, TileSize = 32, Encoder = TestEncoder.Tifffile });
        Truncate(path, new FileInfo(path).Length - 1000);
        await AssertOpenFailsAsync(path, "of IFD 0 (2048 bytes at offset");
    }

    [Fact]
    public async Task OpenAsync_TiffDataBeyondLastIfd_ThrowsPlanesMissing()
    {
        var ome = new TestOme { Transform = xml => xml.Replace("IFD=\"1\"", "IFD=\"9\"", StringComparison.Ordinal) };
        var (path, _) = _temp.Write(new TestTiffSpec { Width = 20, Height = 20, SizeC = 2, Ome = ome });
        await AssertOpenFailsAsync(path, "in IFD 9, but the file has only 2 IFDs; planes are missing");
    }

    [Fact]
    public async Task OpenAsync_OmeDeclaresMorePlanesThanStored_ThrowsPlanesMissing()
    {
        var ome = new TestOme { TiffData = TestTiffData.None, Transform = xml => xml.Replace("SizeZ=\"2\"", "SizeZ=\"5\"", StringComparison.Ordinal) };
        var (path, _) = _temp.Write(new TestTiffSpec { Width = 20, Height = 20, SizeZ = 2, Ome = ome });
        await AssertOpenFailsAsync(path, "declares 5 planes for image 0 after 0 earlier ones, but the file has only 2 full-resolution IFDs");
    }

    [Fact]
    public async Task OpenAsync_OmeTypeDiffersFromTiff_ThrowsMismatch()
    {
        var ome = new TestOme { Transform = xml => xml.Replace("Type=\"uint16\"", "Type=\"float\"", StringComparison.Ordinal) };
        var (path, _) = _temp.Write(new TestTiffSpec { Width = 20, Height = 20, Ome = ome });
        await AssertOpenFailsAsync(path, "declares 20×20 float planes, but IFD 0 holds");
    }

    [Fact]
    public async Task OpenAsync_MalformedOmeXml_ThrowsNotWellFormed()
    {
        var ome = new TestOme { Transform = xml => xml.Replace("</OME>", "</OMX>", StringComparison.Ordinal) };
        var (path, _) = _temp.Write(new TestTiffSpec { Width = 20, Height = 20, Ome = ome });
        await AssertOpenFailsAsync(path, "the OME-XML in the first ImageDescription is not well-formed");
    }

    [Fact]
    public async Task OpenAsync_BinaryOnlyOmeStub_ThrowsCompanionNeeded()
    {
        var ome = new TestOme
        {
            Transform = xml => System.Text.RegularExpressions.Regex.Replace(xml, "<Image .*</Image>", "<BinaryOnly MetadataFile=\"x.companion.ome\" UUID=\"urn:uuid:1\" />"),
        };
        var (path, _) = _temp.Write(new TestTiffSpec { Width = 20, Height = 20, Ome = ome });
        await AssertOpenFailsAsync(path, "BinaryOnly stub");
    }

    [Fact]
    public async Task OpenAsync_UnsupportedCompression_NamesTheCode()
    {
        var (path, _) = _temp.Write(new TestTiffSpec { Width = 40, Height = 40, Compression = TestCompression.Lzma });
        await AssertOpenFailsAsync(path, "IFD 0 uses compression 34925 (LZMA), which Minerva cannot read");
    }

    [Fact]
    public async Task OpenAsync_OneBitSamples_ThrowsUnsupportedBitDepth()
    {
        var path = _temp.PathOf("bilevel.tif");
        using (var tiff = BitMiracle.LibTiff.Classic.Tiff.Open(path, "w"))
        {
            tiff.SetField(TiffTag.IMAGEWIDTH, 16);
            tiff.SetField(TiffTag.IMAGELENGTH, 4);
            tiff.SetField(TiffTag.BITSPERSAMPLE, 1);
            tiff.SetField(TiffTag.SAMPLESPERPIXEL, 1);
            tiff.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISBLACK);
            tiff.SetField(TiffTag.ROWSPERSTRIP, 4);
            tiff.WriteEncodedStrip(0, new byte[8], 8);
        }

        await AssertOpenFailsAsync(path, "IFD 0 has 1-bit samples of SampleFormat 1, which Minerva cannot read");
    }

    [Theory]
    [InlineData(TestCompression.AdobeDeflate, "Deflate")]
    [InlineData(TestCompression.Lzw, "LZW")]
    [InlineData(TestCompression.Zstd, "Zstd")]
    public async Task ReadAsync_DamagedCompressedTile_ThrowsCannotDecompress(TestCompression compression, string codec)
    {
        // LibTiff.NET and tiffcp store the first tile right after the 8-byte header.
        var (path, _) = _temp.Write(new TestTiffSpec { Width = 64, Height = 64, TileSize = 32, Compression = compression });
        using (var file = File.OpenWrite(path))
        {
            file.Position = 8;
            file.Write(Enumerable.Repeat((byte)0xFF, 16).ToArray());
        }

        using var source = await TempTiff.OpenAsync(path);
        var error = await Assert.ThrowsAsync<InvalidImageException>(() => source.ReadAsync(new PlaneRect(0, 0, 0, 0, 0, 1, 0, 0, 64, 64), new byte[64 * 64 * 2]).AsTask());
        AssertOneSentence(error, path, $"tile 0 of IFD 0 cannot be decompressed ({codec}");
    }

    [Fact]
    public void Open_MissingFile_ThrowsCannotOpen()
    {
        var path = _temp.PathOf("absent.tif");
        var error = Assert.Throws<InvalidImageException>(() => FileByteSource.Open(path));
        AssertOneSentence(error, path, "cannot open the file");
    }

    private static async Task AssertOpenFailsAsync(string path, string problem)
    {
        var error = await Assert.ThrowsAsync<InvalidImageException>(() => TempTiff.OpenAsync(path));
        AssertOneSentence(error, path, problem);
    }

    private static void AssertOneSentence(InvalidImageException error, string path, string problem)
    {
        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.EndsWith(".", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    private static void Truncate(string path, long length)
    {
        using var file = File.OpenWrite(path);
        file.SetLength(length);
    }
}
