using System.Net;
using Xunit;

namespace Minerva.Testing.Conformance;

/// <summary>The completed import's upload, filesets, image and OME-Zarr objects.</summary>
public abstract partial class ApiConformanceTests
{
    [Fact]
    public async Task UploadAndComplete_SeedApiFlow_AnswersEachStep()
    {
        var run = await CompletedImportAsync();

        Assert.Equal([run.Hash], run.MissingBefore.Expect(HttpStatusCode.OK).Json.EnumerateArray().Select(h => h.GetString()));
        var file = Assert.Single(run.Files.Expect(HttpStatusCode.OK).Json.EnumerateArray());
        Assert.Equal(["id", "fileId", "hash", "errors"], file.EnumerateObject().Select(p => p.Name));
        Assert.Equal((run.FileName, $"imports/{run.Import}/{run.FileName}", run.Hash), (file.GetProperty("id").GetString(), file.GetProperty("fileId").GetString(), file.GetProperty("hash").GetString()));
        run.Completed.Expect(HttpStatusCode.Accepted);
        Assert.Equal(ImportFields.Concat(LinkFields), run.Completed.Fields);
        Assert.Equal($"/import/{run.Import}", run.Completed.Headers.Location?.OriginalString);
        Assert.Equal(Link(run.Created.Json, "statusQueryGetUri"), Link(run.Completed.Json, "statusQueryGetUri"));
        Assert.Empty(run.MissingAfter.Expect(HttpStatusCode.OK).Json.EnumerateArray());
    }

    [Fact]
    public async Task GetFilesetsAndImage_CompletedImport_DescribeTheOmeZarr()
    {
        var run = await CompletedImportAsync();

        var fileset = Assert.Single((await Alice.GetAsync($"/import/{run.Import}/filesets")).Expect(HttpStatusCode.OK).Json.EnumerateArray());
        var summary = Assert.Single(fileset.GetProperty("images").EnumerateArray());
        var image = (await Alice.GetAsync($"/image/{summary.GetProperty("uuid").GetString()}")).Expect(HttpStatusCode.OK);

        Assert.Equal((run.FileName, "Complete", true), (fileset.GetProperty("name").GetString(), fileset.GetProperty("status").GetString(), fileset.GetProperty("complete").GetBoolean()));
        Assert.Equal(3, summary.GetProperty("levels").GetInt32());
        Assert.Equal([1L, 2, 1, 200, 300], summary.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(["DAPI", "CD45"], summary.GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("label").GetString()));
        Assert.Equal(
            ["uuid", "name", "fileset_uuid", "repository_uuid", "location", "levels", "shape", "dtype", "channels", "sha256", "created", "zarr_url", "viewer_url"],
            image.Fields);
        Assert.Equal(fileset.GetProperty("uuid").GetString(), image.Json.GetProperty("fileset_uuid").GetString());
        (await Bob.GetAsync($"/image/{summary.GetProperty("uuid").GetString()}")).ExpectError(HttpStatusCode.NotFound, "not_found");
        (await Bob.GetAsync($"/import/{run.Import}/filesets")).ExpectError(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task GetZarrObjects_CompletedImport_ServesMetadataRangesAndAbsentChunks()
    {
        var run = await CompletedImportAsync();
        var fileset = Assert.Single((await Alice.GetAsync($"/import/{run.Import}/filesets")).Json.EnumerateArray());
        var zarr = $"/image/{fileset.GetProperty("images")[0].GetProperty("uuid").GetString()}/zarr";

        var attributes = (await Alice.GetAsync($"{zarr}/.zattrs")).Expect(HttpStatusCode.OK);
        var array = (await Alice.GetAsync($"{zarr}/0/.zarray")).Expect(HttpStatusCode.OK);
        var range = (await Alice.SendAsync(HttpMethod.Get, $"{zarr}/0/.zarray", configure: r => r.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 9)))
            .Expect(HttpStatusCode.PartialContent);

        Assert.Equal("application/json", attributes.ContentHeaders.ContentType?.MediaType);
        Assert.True(attributes.Json.TryGetProperty("multiscales", out _));
        Assert.Equal(array.Bytes[..10], range.Bytes);
        Assert.Equal($"bytes 0-9/{array.Bytes.Length}", range.ContentHeaders.ContentRange?.ToString());
        (await Alice.GetAsync($"{zarr}/0/9/9/9/9/9")).ExpectError(HttpStatusCode.NotFound, "not_found");
    }
}
