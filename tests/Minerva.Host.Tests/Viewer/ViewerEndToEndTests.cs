using System.Text.Json;
using System.Text.Json.Nodes;
using Minerva.Host.Tests.Import;
using Minerva.Testing.Services;
using Xunit.Abstractions;

namespace Minerva.Host.Tests.Viewer;

/// <summary>
/// The links of imported images, opened with no API key. Each viewer_url in Debian's Chromium, headless
/// (playwright-core, WebGL on SwiftShader): the images' features appear in their channels' colours at their places,
/// Z and T sliders move through a 5-D image, zooming in loads the deeper level, and no page logs an error
/// (viewer_check.mjs drives the browser once for all these tests; the screenshots stay in the test output folder's
/// viewer-screenshots/). Each zarr_url read by zarr-python over HTTP equals the pyramid stored in S3.
/// </summary>
[Collection(LocalServices.Collection)]
[Trait("Category", "EndToEnd")]
public sealed class ViewerEndToEndTests(ImportedViewerImages imported, ITestOutputHelper output) : IClassFixture<ImportedViewerImages>
{
    /// <summary>Small enough that the 3-channel image opens on a coarser level than the one zooming in needs.</summary>
    private static readonly int[] Viewport = [960, 640];

    /// <summary>One browser run for all tests of the class (xunit makes a class instance per test).</summary>
    private static Task<JsonElement>? _browserRun;

    private JsonElement Features(string image) => imported.Features.GetProperty(image);

    [Fact]
    public async Task ViewerUrl_ThreeChannels_ShowsEachFeatureInItsChannelsColourAtItsPlace()
    {
        var opened = Step(await PageAsync("three-channel"), "opened");

        // probes: disc centre, square centre, bar centre, background, just outside the disc (see Plan)
        var colours = Colours(opened);
        AssertColour("red", colours[0]);
        AssertColour("green", colours[1]);
        AssertColour("blue", colours[2]);
        AssertColour("dark", colours[3]);
        AssertColour("dark", colours[4]);
    }

    [Fact]
    public async Task ViewerUrl_ZoomIn_LoadsTheDeeperLevel()
    {
        var page = await PageAsync("three-channel");
        var (opened, zoomed) = (Step(page, "opened"), Step(page, "zoomed"));

        Assert.True(Resolutions(opened).Min() > 0, $"opened on levels {string.Join(",", Resolutions(opened))}");
        Assert.Equal([0], Resolutions(zoomed));
        Assert.True(LevelRequests(zoomed, "0") > LevelRequests(opened, "0"), zoomed.ToString());
        AssertColour("red", Colours(zoomed)[0]);
    }

    [Fact]
    public async Task ViewerUrl_FiveD_ZAndTSlidersMoveTheDisc()
    {
        var page = await PageAsync("five-d");
        var (first, last) = (Colours(Step(page, "opened")), Colours(Step(page, "z2-t1")));

        // probes: the disc at t=0 z=0, the disc at t=1 z=2, the frame channel's rectangle (in every plane)
        Assert.Equal(("red", "dark", "cyan"), (Name(first[0]), Name(first[1]), Name(first[2])));
        Assert.Equal(("dark", "red", "cyan"), (Name(last[0]), Name(last[1]), Name(last[2])));
        Assert.Equal("2×2×3×256×320 (t, c, z, y, x)", page.GetProperty("facts").GetProperty("shape").GetString());
        Assert.Equal("float32", page.GetProperty("facts").GetProperty("dtype").GetString());
        Assert.Equal("0.25 × 0.25 × 1.5 µm", page.GetProperty("facts").GetProperty("pixel size").GetString());
    }

    [Fact]
    public async Task ViewerUrl_ThirteenChannels_ShowsAToggleEachAndTheFirstSixOn()
    {
        var page = await PageAsync("thirteen");

        var toggles = page.GetProperty("toggles").EnumerateArray().Select(t => t.GetBoolean()).ToList();
        Assert.Equal(13, toggles.Count);
        Assert.Equal(Enumerable.Range(0, 13).Select(c => c < 6), toggles);
        Assert.True(Colours(Step(page, "opened"))[0].Sum() > 300, "channel 0's bar is dark");
        Assert.Equal("uint8", page.GetProperty("facts").GetProperty("dtype").GetString());
    }

    [Fact]
    public async Task ViewerUrl_EveryPage_LogsNoErrorAndNamesTheImage()
    {
        foreach (var page in (await BrowserRunAsync()).GetProperty("pages").EnumerateArray())
        {
            var errors = page.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).ToList();
            Assert.True(errors.Count == 0, $"{page.GetProperty("name")}: {string.Join("\n", errors)}");
            Assert.EndsWith(".ome.tif — Minerva", page.GetProperty("title").GetString());
        }
    }

    [Theory]
    [InlineData("three-channel.ome.tif")]
    [InlineData("five-d.ome.tif")]
    public async Task ZarrUrl_ReadByZarrPythonOverHttp_EqualsStoredPyramid(string file)
    {
        var image = imported.Images[file];
        var stored = Directory.CreateDirectory(Path.Combine(imported.WorkDirectory, "stored-" + file)).FullName;
        var location = image.GetProperty("location").GetString()!;
        Assert.True(await ZarrCheck.DownloadAsync(imported.Host.Admin, imported.Host.Bucket, location + "/", stored) > 0);

        var report = await ImportedViewerImages.RunAsync(
            ZarrCheck.Python, ImportedViewerImages.Script("zarr_url_matches.py"), image.GetProperty("zarr_url").GetString()!, stored);

        output.WriteLine(report);
        Assert.Contains("level 0", report);
    }

    private async Task<JsonElement> PageAsync(string name) =>
        Assert.Single((await BrowserRunAsync()).GetProperty("pages").EnumerateArray(), p => p.GetProperty("name").GetString() == name);

    private Task<JsonElement> BrowserRunAsync() => _browserRun ??= RunBrowserAsync();

    private async Task<JsonElement> RunBrowserAsync()
    {
        var screenshots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "viewer-screenshots")).FullName;
        var plan = Path.Combine(imported.WorkDirectory, "plan.json");
        await File.WriteAllTextAsync(plan, Plan(screenshots).ToJsonString());
        var result = await ImportedViewerImages.RunAsync("node", ImportedViewerImages.Script("viewer_check.mjs"), plan);
        output.WriteLine($"screenshots in {screenshots}");
        return JsonDocument.Parse(result).RootElement.Clone();
    }

    private JsonObject Plan(string screenshots)
    {
        var three = Features("three-channel");
        var five = Features("five-d");
        var disc = three.GetProperty("disc");
        var outside = new JsonArray(disc[0].GetInt32(), disc[1].GetInt32() + three.GetProperty("disc_radius").GetInt32() + 20);
        return new JsonObject
        {
            ["screenshots"] = screenshots,
            ["viewport"] = new JsonArray(Viewport[0], Viewport[1]),
            ["pages"] = new JsonArray(
                Page("three-channel", [Point(disc), Point(three.GetProperty("square")), Point(three.GetProperty("bar")), Point(three.GetProperty("background")), outside],
                    new JsonObject { ["name"] = "zoomed", ["zoom"] = new JsonArray(disc[0].GetInt32(), disc[1].GetInt32(), -600), ["probes"] = new JsonArray(Point(disc)) }),
                Page("five-d", FiveDProbes(five),
                    new JsonObject { ["name"] = "z2-t1", ["set"] = new JsonObject { ["#z-slider"] = 2, ["#t-slider"] = 1 }, ["probes"] = FiveDProbes(five) }),
                Page("thirteen", [new JsonArray(18, 100)])),
        };
    }

    private JsonObject Page(string name, JsonArray probes, params JsonObject[] steps) => new()
    {
        ["name"] = name,
        ["url"] = imported.Images[$"{name}.ome.tif"].GetProperty("viewer_url").GetString(),
        ["probes"] = probes,
        ["steps"] = new JsonArray([.. steps]),
    };

    private static JsonArray FiveDProbes(JsonElement five) =>
        [Point(five.GetProperty("disc").GetProperty("0,0")), Point(five.GetProperty("disc").GetProperty("1,2")), Point(five.GetProperty("frame"))];

    private static JsonArray Point(JsonElement xy) => [xy[0].GetInt32(), xy[1].GetInt32()];

    private static JsonElement Step(JsonElement page, string name) =>
        Assert.Single(page.GetProperty("steps").EnumerateArray(), s => s.GetProperty("name").GetString() == name);

    private static List<int[]> Colours(JsonElement step) =>
        [.. step.GetProperty("colours").EnumerateArray().Select(c => c.EnumerateArray().Select(v => v.GetInt32()).ToArray())];

    private static List<int> Resolutions(JsonElement step) => [.. step.GetProperty("resolutions").EnumerateArray().Select(r => r.GetInt32())];

    private static int LevelRequests(JsonElement step, string level) =>
        step.GetProperty("levelRequests").TryGetProperty(level, out var count) ? count.GetInt32() : 0;

    /// <summary>The colour an additive channel blend gives a screen pixel: one primary (or two) bright, or all dark.</summary>
    private static string Name(int[] rgb) => rgb switch
    {
        [> 200, < 60, < 60] => "red",
        [< 60, > 200, < 60] => "green",
        [< 60, < 60, > 200] => "blue",
        [< 60, > 200, > 200] => "cyan",
        [< 40, < 40, < 40] => "dark",
        _ => $"rgb({string.Join(", ", rgb)})",
    };

    private static void AssertColour(string expected, int[] rgb) => Assert.Equal(expected, Name(rgb));
}
