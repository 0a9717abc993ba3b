using System.Globalization;
using System.Text.Json;
using Minerva.Testing.Tiff;
using Minerva.Testing.Tools;

namespace Minerva.Testing.Slides;

/// <summary>How a test slide page's tiles or strips are encoded (by cjpeg or opj_compress, outside .NET).</summary>
public enum TestSlideCodec
{
    /// <summary>Compression 7, YCbCr 4:2:0, tables in JPEGTables, restart markers, no JFIF marker.</summary>
    Jpeg,

    /// <summary>Compression 7, RGB samples whose stream names no colour space (only the TIFF says RGB).</summary>
    JpegRgb,

    /// <summary>Compression 34712, lossless.</summary>
    Jpeg2000,

    /// <summary>Compression 33005 (Aperio RGB), lossless.</summary>
    Jpeg2000Rgb,

    /// <summary>Compression 33003 (Aperio YCbCr): YCbCr components without a colour transform, lossless.</summary>
    Jpeg2000Ycc,

    None,
}

/// <summary>Damage done to the first tile or strip of a page.</summary>
public enum TestSlideDamage
{
    None,

    /// <summary>The tile ends halfway.</summary>
    Cut,

    /// <summary>64 random bytes in the middle of the tile.</summary>
    Garble,
}

/// <summary>One page (IFD) of a test slide: uint8 samples, tiled or in strips.</summary>
public sealed record TestSlidePage(int Width, int Height, int Samples, TestSlideCodec Codec, string Description)
{
    public int? Tile { get; init; } = 256;

    public int RowsPerStrip { get; init; } = 64;

    public int SubfileType { get; init; }

    public double? PixelsPerCentimeter { get; init; }

    public string? Software { get; init; }

    public TestSlideDamage Damage { get; init; }
}

/// <summary>A written slide and, per page, the samples a correct reader returns (interleaved, row-major).</summary>
public sealed class TestSlide(string path, IReadOnlyList<TestSlidePage> pages, IReadOnlyList<byte[]> expected)
{
    public string Path { get; } = path;

    public IReadOnlyList<TestSlidePage> Pages { get; } = pages;

    /// <summary>Page <paramref name="page"/>'s samples as [c][y][x] planes, the layout readers return.</summary>
    public byte[] ExpectedPlanes(int page) => ToPlanes(expected[page], Pages[page].Samples);

    /// <summary>Interleaved 8-bit samples as [c][y][x] planes.</summary>
    public static byte[] ToPlanes(byte[] interleaved, int samples)
    {
        var pixels = interleaved.Length / samples;
        var planes = new byte[interleaved.Length];
        for (var p = 0; p < pixels; p++)
        {
            for (var c = 0; c < samples; c++)
            {
                planes[(c * pixels) + p] = interleaved[(p * samples) + c];
            }
        }

        return planes;
    }
}

/// <summary>
/// Writes whole-slide test files shaped as Aperio SVS and Akoya QPTIFF are (page layouts, descriptions, tile codecs)
/// with an independent writer: tifffile lays out the file, Debian's cjpeg and opj_compress encode the tiles.
/// </summary>
public static class TestSlides
{
    /// <summary>The microns per pixel the SVS descriptions state.</summary>
    public const double SvsMpp = 0.499;

    /// <summary>The pixels per centimetre QPTIFF pages state (0.4977 µm pixels).</summary>
    public const double QptiffPixelsPerCentimeter = 10_000 / 0.4977;

    /// <summary>
    /// An SVS of <paramref name="width"/>×<paramref name="height"/> RGB: level 0, a stripped JPEG thumbnail, a quarter-size
    /// level (rounded down, as Aperio writes it), a stripped label (uncompressed, NewSubfileType 1) and a stripped JPEG
    /// macro (NewSubfileType 9).
    /// </summary>
    public static IReadOnlyList<TestSlidePage> Svs(int width, int height, TestSlideCodec codec, TestSlideDamage damage = TestSlideDamage.None)
    {
        var header = "Aperio Image Library v12.0.5\r\n";
        var level = $"{width}x{height} [0,0 {width}x{height}] (256x256) {(codec == TestSlideCodec.Jpeg ? "JPEG/RGB Q=85" : "J2K/YUV16 Q=70")}";
        var properties = $"|AppMag = 20|MPP = {SvsMpp.ToString(CultureInfo.InvariantCulture)}|ScanScope ID = SS1234|Date = 11/30/26";
        return
        [
            new(width, height, 3, codec, header + level + properties) { Damage = damage },
            new(width / 8, height / 8, 3, TestSlideCodec.Jpeg, header + $"{width}x{height} -> {width / 8}x{height / 8} - |AppMag = 20|MPP = 0.499") { Tile = null, RowsPerStrip = 16 },
            new(width / 4, height / 4, 3, codec, header + $"{level} -> {width / 4}x{height / 4}" + properties),
            new(96, 80, 3, TestSlideCodec.None, header + "label 96x80") { Tile = null, RowsPerStrip = 80, SubfileType = 1 },
            new(160, 64, 3, TestSlideCodec.Jpeg, header + "macro 160x64") { Tile = null, RowsPerStrip = 16, SubfileType = 9 },
        ];
    }

    /// <summary>
    /// A QPTIFF of <paramref name="channels"/> uint8 channels (name, biomarker, "R,G,B"): one full-resolution page each,
    /// an RGB thumbnail, two reduced levels (halved, rounded down) of one page per channel, an overview and a label.
    /// </summary>
    public static IReadOnlyList<TestSlidePage> Qptiff(int width, int height, TestSlideCodec codec, IReadOnlyList<(string Name, string? Biomarker, string Color)> channels)
    {
        static string Xml(string type, string? name = null, string? biomarker = null, string? color = null) =>
            "<?xml version=\"1.0\" encoding=\"utf-16\"?>\r\n<PerkinElmer-QPI-ImageDescription>\r\n  <DescriptionVersion>2</DescriptionVersion>\r\n"
            + "  <AcquisitionSoftware>PerkinElmer-QPI</AcquisitionSoftware>\r\n"
            + $"  <ImageType>{type}</ImageType>\r\n  <Identifier>4a1b2c</Identifier>\r\n  <SlideID>Slide1</SlideID>\r\n"
            + (name is null ? string.Empty : $"  <Name>{name}</Name>\r\n  <Color>{color}</Color>\r\n  <ExposureTime>250</ExposureTime>\r\n")
            + (biomarker is null ? string.Empty : $"  <Biomarker>{biomarker}</Biomarker>\r\n")
            + "  <Objective>20x</Objective>\r\n</PerkinElmer-QPI-ImageDescription>";
        var pages = new List<TestSlidePage>();
        void Channels(int w, int h, string type, int subfileType) => pages.AddRange(channels.Select(c =>
            new TestSlidePage(w, h, 1, codec, Xml(type, c.Name, c.Biomarker, c.Color))
            {
                Tile = 128,
                SubfileType = subfileType,
                PixelsPerCentimeter = QptiffPixelsPerCentimeter * w / width,
                Software = "PerkinElmer-QPI",
            }));
        Channels(width, height, "FullResolution", 0);
        pages.Add(new TestSlidePage(width / 8, height / 8, 3, TestSlideCodec.None, Xml("Thumbnail")) { Tile = null, RowsPerStrip = height / 8, Software = "PerkinElmer-QPI" });
        Channels(width / 2, height / 2, "ReducedResolution", 1);
        Channels(width / 4, height / 4, "ReducedResolution", 1);
        pages.Add(new TestSlidePage(120, 48, 3, TestSlideCodec.None, Xml("Overview")) { Tile = null, RowsPerStrip = 48, Software = "PerkinElmer-QPI" });
        pages.Add(new TestSlidePage(64, 40, 3, TestSlideCodec.None, Xml("Label")) { Tile = null, RowsPerStrip = 40, Software = "PerkinElmer-QPI" });
        return pages;
    }

    /// <summary>Writes <paramref name="pages"/> to <paramref name="path"/> and returns what a reader must return.</summary>
    public static TestSlide Write(string path, IReadOnlyList<TestSlidePage> pages, int seed = 1)
    {
        var folder = Directory.CreateTempSubdirectory("minerva-slide-").FullName;
        try
        {
            var manifest = new
            {
                path,
                seed,
                expected = folder,
                pages = pages.Select(p => new Dictionary<string, object?>
                {
                    ["width"] = p.Width,
                    ["height"] = p.Height,
                    ["samples"] = p.Samples,
                    ["codec"] = p.Codec switch
                    {
                        TestSlideCodec.Jpeg => "jpeg",
                        TestSlideCodec.JpegRgb => "jpeg-rgb",
                        TestSlideCodec.Jpeg2000 => "j2k",
                        TestSlideCodec.Jpeg2000Rgb => "j2k-rgb",
                        TestSlideCodec.Jpeg2000Ycc => "j2k-ycc",
                        _ => "none",
                    },
                    ["description"] = p.Description,
                    ["tile"] = p.Tile,
                    ["rowsperstrip"] = p.RowsPerStrip,
                    ["subfiletype"] = p.SubfileType,
                    ["resolution"] = p.PixelsPerCentimeter,
                    ["software"] = p.Software ?? (object)false,
                    ["damage"] = p.Damage switch { TestSlideDamage.Cut => "cut", TestSlideDamage.Garble => "garble", _ => null },
                }).ToList(),
            };
            var manifestPath = System.IO.Path.Combine(folder, "manifest.json");
            File.WriteAllText(manifestPath, JsonSerializer.Serialize(manifest));
            CommandLine.Run(TestTiffFileWriter.Python, System.IO.Path.Combine(AppContext.BaseDirectory, "Slides", "slide_writer.py"), manifestPath);
            var expected = pages.Select((_, i) => File.ReadAllBytes(System.IO.Path.Combine(folder, $"page-{i}.raw"))).ToList();
            return new TestSlide(path, pages, expected);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
