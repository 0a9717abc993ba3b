using System.Net;
using System.Text.Json;
using Minerva.Cli.Tests.Support;
using Minerva.Testing.Services;

namespace Minerva.Cli.Tests.Commands;

/// <summary>How the commands show the service's answers and errors (the service stubbed in process).</summary>
public sealed class ServiceAnswerTests : IDisposable
{
    private const string ImportUuid = "0b5e7d2a-4c1f-4f55-9a36-2f5d7c9e8a11";
    private const string Repositories = """[{"uuid":"6f1c","name":"Lab A","raw_storage":"Archive","owner":"u"}]""";

    private readonly TempDirectory directory = new();
    private readonly StubApiHandler api = new();

    [Fact]
    public async Task Repos_Table_ShowsNameAndPolicyAndSendsTheKey()
    {
        api.On(HttpMethod.Get, "/repository", HttpStatusCode.OK, Repositories);

        var run = await RunAsync("repos");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Lab A", run.Out, StringComparison.Ordinal);
        Assert.Contains("Archive", run.Out, StringComparison.Ordinal);
        Assert.Equal("secret-key", Assert.Single(api.Requests).ApiKey);
    }

    [Fact]
    public async Task Repos_Json_PrintsTheApiAnswerAsIs()
    {
        api.On(HttpMethod.Get, "/repository", HttpStatusCode.OK, Repositories);

        var run = await RunAsync("repos", "--json");

        using var printed = JsonDocument.Parse(run.Out);
        Assert.Equal("u", printed.RootElement[0].GetProperty("owner").GetString());
    }

    [Fact]
    public async Task Imports_RepositoryByName_ListsItsImportsThroughTheQueryRoute()
    {
        api.On(HttpMethod.Get, "/repository", HttpStatusCode.OK, Repositories)
            .On(HttpMethod.Get, "/import?repository_uuid=6f1c", HttpStatusCode.OK, $$$"""
                [{"uuid":"{{{ImportUuid}}}","name":"slide","repository_uuid":"6f1c","status":"Processing",
                  "progress":{"files_total":1,"files_done":0,"regions_total":10,"regions_done":4,"percent":40}}]
                """);

        var run = await RunAsync("imports", "Lab A");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(ImportUuid, run.Out, StringComparison.Ordinal);
        Assert.Contains("Processing", run.Out, StringComparison.Ordinal);
        Assert.Contains("40%", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Imports_UnknownRepository_ExitTwo()
    {
        api.On(HttpMethod.Get, "/repository", HttpStatusCode.OK, Repositories);

        var run = await RunAsync("imports", "Lab B");

        Assert.Equal((2, "minerva: you have no repository named 'Lab B' (see `minerva repos`)"), (run.ExitCode, run.ErrorLine));
    }

    [Fact]
    public async Task Filesets_Table_ShowsImageUuidLocationLevelsShape()
    {
        api.On(HttpMethod.Get, $"/import/{ImportUuid}/filesets", HttpStatusCode.OK, """
            [{"uuid":"f1","name":"slide.ome.tif","reader":"ome-tiff","complete":true,"status":"Complete","progress":1,"error":null,
              "images":[{"uuid":"i1","name":"slide","location":"images/i1.ome.zarr","levels":3,"shape":[1,3,1,2048,4096],
                         "dtype":"uint16","channels":[],"sha256":"ab"}]}]
            """);

        var run = await RunAsync("filesets", ImportUuid);

        Assert.Equal(0, run.ExitCode);
        foreach (var cell in new[] { "slide.ome.tif", "i1", "images/i1.ome.zarr", "1x3x1x2048x4096" })
        {
            Assert.Contains(cell, run.Out, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Links", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filesets_ImagesWithLinks_PrintsEachLinkWholeOnItsOwnLine()
    {
        var token = "1796608800.bG9jYWw." + new string('s', 22);
        var viewer = $"http://127.0.0.1:7071/shared/{ImportUuid}/{token}/view";
        var zarr = $"http://127.0.0.1:7071/shared/{ImportUuid}/{token}/zarr/";
        api.On(HttpMethod.Get, $"/import/{ImportUuid}/filesets", HttpStatusCode.OK, $$"""
            [{"uuid":"f1","name":"slide.ome.tif","reader":"ome-tiff","complete":true,"status":"Complete","progress":1,"error":null,
              "images":[{"uuid":"i1","name":"slide","location":"images/i1.ome.zarr","levels":3,"shape":[1,3,1,2048,4096],
                         "dtype":"uint16","channels":[],"sha256":"ab","zarr_url":"{{zarr}}","viewer_url":"{{viewer}}"}]}]
            """);

        var run = await RunAsync("filesets", ImportUuid);

        var lines = run.Out.Split('\n').Select(l => l.Trim()).ToList();
        Assert.Contains($"viewer: {viewer}", lines);
        Assert.Contains($"zarr:   {zarr}", lines);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, """{"error":"unauthorized","detail":"the API key is not valid"}""", 2, "the API key is not valid")]
    [InlineData(HttpStatusCode.NotFound, """{"error":"not_found","detail":"no import 0b5e7d2a"}""", 2, "no import 0b5e7d2a")]
    [InlineData(HttpStatusCode.InternalServerError, "oops", 1, "the service answered 500 InternalServerError to GET /import/" + ImportUuid)]
    public async Task Status_ErrorAnswer_OneLineWithTheDetailAndExitCode(HttpStatusCode status, string body, int exitCode, string detail)
    {
        api.On(HttpMethod.Get, $"/import/{ImportUuid}", status, body);

        var run = await RunAsync("status", ImportUuid);

        Assert.Equal((exitCode, "minerva: " + detail), (run.ExitCode, run.ErrorLine));
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Cancel_DeletesThenShowsTheCancelledImport()
    {
        api.On(HttpMethod.Delete, $"/import/{ImportUuid}", HttpStatusCode.Accepted, "")
            .On(HttpMethod.Get, $"/import/{ImportUuid}", HttpStatusCode.OK, $$"""{"uuid":"{{ImportUuid}}","name":"n","repository_uuid":"r","status":"Cancelled"}""");

        var run = await RunAsync("cancel", ImportUuid);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([HttpMethod.Delete, HttpMethod.Get], api.Requests.Select(r => r.Method));
        Assert.Contains("Cancelled", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_EveryFileAlreadyHeld_NothingUploadedExitZero()
    {
        var file = directory.File("a.tif", [1, 2, 3]);
        api.On(HttpMethod.Get, "/repository", HttpStatusCode.OK, Repositories)
            .On(HttpMethod.Post, "/import/check-images", HttpStatusCode.OK, "[]");

        var run = await RunAsync("import", file, "--repository", "Lab A");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("a.tif skipped", run.Err, StringComparison.Ordinal);
        var check = api.Requests.Single(r => r.PathAndQuery == "/import/check-images");
        Assert.Equal(["A5BYxvLAy0ksUzsKTRTvd8wPeKvMztUofYShogEc+4E="], JsonSerializer.Deserialize<string[]>(check.Body!)!);
        Assert.DoesNotContain(api.Requests, r => r.PathAndQuery == "/import");
    }

    [Fact]
    public async Task Import_NewRepository_CreatedWithTheRawStoragePolicy()
    {
        var file = directory.File("a.tif", [1, 2, 3]);
        api.On(HttpMethod.Get, "/repository", HttpStatusCode.OK, "[]")
            .On(HttpMethod.Post, "/repository", HttpStatusCode.Created, """{"uuid":"r2","name":"New","raw_storage":"Live"}""")
            .On(HttpMethod.Post, "/import/check-images", HttpStatusCode.OK, "[]");

        var run = await RunAsync("import", file, "--repository", "New", "--raw-storage", "live");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("""{"name":"New","raw_storage":"Live"}""", api.Requests.Single(r => r.Method == HttpMethod.Post && r.PathAndQuery == "/repository").Body);
    }

    [Fact]
    public async Task Repos_ServiceDown_ExitOneCannotReach()
    {
        var port = FreePort.Next();
        using var handler = new SocketsHttpHandler();

        var run = await CliRun.RunAsync(handler, directory.Path, "repos", "--url", $"http://127.0.0.1:{port}", "--api-key", "k");

        Assert.Equal((1, $"minerva: cannot reach the Minerva service at http://127.0.0.1:{port}: connection refused"), (run.ExitCode, run.ErrorLine));
    }

    private Task<CliRun> RunAsync(params string[] args) => CliRun.RunAsync(api, directory.Path, [.. args, "--api-key", "secret-key"]);

    public void Dispose() => directory.Dispose();
}
