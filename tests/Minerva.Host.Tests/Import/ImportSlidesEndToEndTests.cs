using System.Text.Json;
using Minerva.Testing.Services;
using Minerva.Testing.Slides;

namespace Minerva.Host.Tests.Import;

/// <summary>
/// The whole-slide formats through the service: one import of an Aperio SVS (JPEG tiles) and an Akoya QPTIFF
/// (JPEG 2000 tiles), each file its own fileset whose reader names the format and whose images are the slide and
/// its associated images.
/// </summary>
[Collection(LocalServices.Collection)]
[Trait("Category", "EndToEnd")]
public sealed class ImportSlidesEndToEndTests(LocalServices services) : IDisposable
{
    private readonly TestFiles files = new();

    [Fact]
    public async Task Import_SvsAndQptiff_RecordsEachFormatWithItsImages()
    {
        await using var host = await TestHost.StartAsync(services, ("Minerva:Tiling:ChunkSize", "256"));
        var api = new ImportApi(host);
        string folder = files.NewDirectory("slides");
        TestSlides.Write(Path.Combine(folder, "slide.svs"), TestSlides.Svs(800, 600, TestSlideCodec.Jpeg));
        TestSlides.Write(Path.Combine(folder, "scan.qptiff"), TestSlides.Qptiff(512, 384, TestSlideCodec.Jpeg2000, [("DAPI", null, "0,0,255"), ("Opal 520", "CD8", "0,255,0")]));
        string import = await api.CreateImportAsync(await api.CreateRepositoryAsync("Live"));

        await api.UploadAsync(import, Path.Combine(folder, "slide.svs"), "slide.svs");
        await api.UploadAsync(import, Path.Combine(folder, "scan.qptiff"), "scan.qptiff");
        await api.CompleteAsync(import);
        var done = await api.WaitUntilFinishedAsync(import, TimeSpan.FromMinutes(3));

        Assert.True(done.GetProperty("status").GetString() == "Complete", done.ToString());
        var filesets = (await api.FilesetsAsync(import)).ToDictionary(f => f.GetProperty("name").GetString()!);
        var svs = filesets["slide.svs"];
        Assert.Equal("svs", svs.GetProperty("reader").GetString());
        Assert.Equal(4, Images(svs).Count); // the slide, then its thumbnail, label and macro as their own images
        var slide = Images(svs)[0];
        Assert.Equal([1L, 3, 1, 600, 800], slide.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal("uint8", slide.GetProperty("dtype").GetString());
        Assert.Equal(["FF0000", "00FF00", "0000FF"], slide.GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("color").GetString()));
        var qptiff = filesets["scan.qptiff"];
        Assert.Equal("qptiff", qptiff.GetProperty("reader").GetString());
        var scan = Images(qptiff)[0];
        Assert.Equal(["DAPI", "CD8"], scan.GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("label").GetString()));
        Assert.Equal(2, scan.GetProperty("levels").GetInt32()); // 512×384, then 256×192 (the stored level) fits one 256² chunk
    }

    public void Dispose() => files.Dispose();

    private static List<JsonElement> Images(JsonElement fileset) => [.. fileset.GetProperty("images").EnumerateArray()];
}
