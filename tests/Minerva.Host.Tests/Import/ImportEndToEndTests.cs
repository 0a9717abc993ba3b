using System.Text.Json;
using Amazon.S3.Model;
using Minerva.Testing.Services;
using Xunit.Abstractions;

namespace Minerva.Host.Tests.Import;

/// <summary>
/// The import as a user runs it, through the standalone host over HTTP, with the real Durable Task engine on Azurite
/// and a real S3 (Ceph RGW): create → upload with the temporary credentials → complete → poll → read the OME-Zarr back.
/// </summary>
[Collection(LocalServices.Collection)]
public sealed class ImportEndToEndTests(LocalServices services, ITestOutputHelper output) : IDisposable
{
    /// <summary>Small chunks and regions so the test images fan out to many regions over several levels and steps.</summary>
    private static readonly (string, string)[] SmallTiles = [("Minerva:Tiling:ChunkSize", "128"), ("Minerva:Tiling:RegionBytes", "131072")];

    private static readonly TimeSpan ImportTimeout = TimeSpan.FromMinutes(3);

    private readonly TestFiles files = new();

    [Fact]
    public async Task Import_PyramidalOmeTiff_BuildsOmeZarrEqualToSourcePixels()
    {
        await using var host = await TestHost.StartAsync(services, SmallTiles);
        var api = new ImportApi(host);
        var (path, image) = files.PyramidalOmeTiff();
        string repository = await api.CreateRepositoryAsync("Live");
        string import = await api.CreateImportAsync(repository);
        Assert.Equal("AwaitingUpload", (await api.GetAsync($"/import/{import}")).GetProperty("status").GetString());

        await api.UploadAsync(import, path, "sample.ome.tiff");
        await api.CompleteAsync(import);
        var done = await api.WaitUntilFinishedAsync(import, ImportTimeout);

        Assert.True(done.GetProperty("status").GetString() == "Complete", done.ToString());
        var fileset = Assert.Single(await api.FilesetsAsync(import));
        Assert.Equal("sample.ome.tiff", fileset.GetProperty("name").GetString());
        Assert.Equal("ome-tiff", fileset.GetProperty("reader").GetString());
        Assert.True(fileset.GetProperty("complete").GetBoolean());
        var zarrImage = Assert.Single(fileset.GetProperty("images").EnumerateArray());
        Assert.Equal(4, zarrImage.GetProperty("levels").GetInt32());
        Assert.Equal([1L, 2, 1, 400, 600], zarrImage.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal("uint16", zarrImage.GetProperty("dtype").GetString());
        Assert.Equal(["DAPI", "CD45"], zarrImage.GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("label").GetString()));
        Assert.Equal(["0000FF", "00FF00"], zarrImage.GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("color").GetString()));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), zarrImage.GetProperty("sha256").GetString());

        string location = zarrImage.GetProperty("location").GetString()!;
        string root = location[..(location.LastIndexOf('/') + 1)];
        string local = files.NewDirectory("zarr");
        Assert.True(await ZarrCheck.DownloadAsync(host.Admin, host.Bucket, root, local) > 0);
        output.WriteLine(await ZarrCheck.AssertMatchesTiffAsync(local, 0, path));
        await AssertServedAsync(api, zarrImage.GetProperty("uuid").GetString()!, Path.Combine(local, "0"));

        Assert.Equal("Completed", await api.OrchestrationEndAsync(import));
        var orchestration = await api.GetAsync($"/import/{import}/orchestration");
        var children = orchestration.GetProperty("subOrchestrations").EnumerateArray().ToList();
        Assert.Contains(children, c => c.GetProperty("instanceId").GetString() == $"{import}:0");
        Assert.All(children, c => Assert.Equal("Completed", c.GetProperty("runtimeStatus").GetString()));
        var progress = (await api.GetAsync($"/import/{import}")).GetProperty("progress");
        Assert.Equal(progress.GetProperty("regions_total").GetInt64(), progress.GetProperty("regions_done").GetInt64());
        Assert.Equal(image.Spec.SizeC, zarrImage.GetProperty("channels").GetArrayLength());
    }

    [Fact]
    public async Task Import_SameFileTwiceWithDeclaredHash_SecondLinksExistingImageWithoutBuilding()
    {
        await using var host = await TestHost.StartAsync(services, SmallTiles);
        var api = new ImportApi(host);
        var (path, _) = files.PyramidalOmeTiff();
        string repository = await api.CreateRepositoryAsync("Live");
        var first = await ImportAsync(api, repository, (path, "sample.ome.tiff"));
        string second = await api.CreateImportAsync(repository);
        await api.UploadAsync(second, path, "copy.ome.tiff", declareSha256: true);
        await api.CompleteAsync(second);
        await api.WaitUntilFinishedAsync(second, ImportTimeout);

        var firstImage = Assert.Single((await api.FilesetsAsync(first))[0].GetProperty("images").EnumerateArray());
        var linked = Assert.Single(await api.FilesetsAsync(second));
        Assert.Equal("Complete", linked.GetProperty("status").GetString());
        Assert.Equal(firstImage.GetProperty("uuid").GetString(), Assert.Single(linked.GetProperty("images").EnumerateArray()).GetProperty("uuid").GetString());

        // Nothing was built: the file's orchestration ran no region batch, and the import planned no regions.
        var orchestration = await api.GetAsync($"/import/{second}/orchestration");
        Assert.Equal([$"{second}:0"], orchestration.GetProperty("subOrchestrations").EnumerateArray().Select(c => c.GetProperty("instanceId").GetString()));
        Assert.Equal(0, (await api.GetAsync($"/import/{second}")).GetProperty("progress").GetProperty("regions_total").GetInt64());
    }

    [Fact]
    public async Task Import_SameFileTwiceUndeclared_SecondLinksExistingImageAndKeepsNoCopy()
    {
        await using var host = await TestHost.StartAsync(services, SmallTiles);
        var api = new ImportApi(host);
        var (path, _) = files.PyramidalOmeTiff();
        string repository = await api.CreateRepositoryAsync("Live");
        var first = await ImportAsync(api, repository, (path, "sample.ome.tiff"));
        var second = await ImportAsync(api, repository, (path, "copy.ome.tiff"));

        // Its hash is known only once it was built (hashing runs beside the build): it is linked, what was built removed.
        var firstImage = Assert.Single((await api.FilesetsAsync(first))[0].GetProperty("images").EnumerateArray());
        var linked = Assert.Single(await api.FilesetsAsync(second));
        Assert.Equal("Complete", linked.GetProperty("status").GetString());
        Assert.Equal(firstImage.GetProperty("uuid").GetString(), Assert.Single(linked.GetProperty("images").EnumerateArray()).GetProperty("uuid").GetString());
        var left = await host.Admin.ListObjectsV2Async(new ListObjectsV2Request { BucketName = host.Bucket, Prefix = $"zarr/{second}/" });
        Assert.Empty(left.S3Objects ?? []);
    }

    [Theory]
    [InlineData("Destroy")]
    [InlineData("Archive")]
    [InlineData("Live")]
    public async Task Import_RawStoragePolicy_AppliedToUploadedOriginal(string rawStorage)
    {
        await using var host = await TestHost.StartAsync(services, SmallTiles);
        var api = new ImportApi(host);
        var (path, _) = files.PyramidalOmeTiff(width: 300, height: 200);
        string repository = await api.CreateRepositoryAsync(rawStorage);
        string import = await ImportAsync(api, repository, (path, "sample.ome.tiff"));

        string key = $"imports/{import}/sample.ome.tiff";
        var listed = await host.Admin.ListObjectsV2Async(new ListObjectsV2Request { BucketName = host.Bucket, Prefix = key });
        var original = (listed.S3Objects ?? []).SingleOrDefault(o => o.Key == key);
        switch (rawStorage)
        {
            case "Destroy":
                Assert.Null(original);
                break;
            case "Archive":
                Assert.NotNull(original);
                Assert.Equal("GLACIER", (await host.Admin.GetObjectMetadataAsync(host.Bucket, key)).StorageClass?.Value);
                break;
            default:
                Assert.NotNull(original);
                Assert.Equal(new FileInfo(path).Length, original.Size);
                Assert.NotEqual("GLACIER", (await host.Admin.GetObjectMetadataAsync(host.Bucket, key)).StorageClass?.Value);
                break;
        }
    }

    [Fact]
    public async Task Import_NonImageBesideGoodImage_FailsOnlyItsFileset()
    {
        await using var host = await TestHost.StartAsync(services, SmallTiles);
        var api = new ImportApi(host);
        var (path, _) = files.PyramidalOmeTiff(width: 300, height: 200);
        string notes = files.Text("notes.txt", "these are not pixels");
        string import = await ImportAsync(api, await api.CreateRepositoryAsync(), (path, "good.ome.tiff"), (notes, "notes.txt"));

        var done = await api.GetAsync($"/import/{import}");
        Assert.Equal("Complete", done.GetProperty("status").GetString());
        string error = Assert.Single(done.GetProperty("errors").EnumerateArray()).GetString()!;
        Assert.StartsWith("notes.txt: ", error);
        var filesets = await api.FilesetsAsync(import);
        Assert.Equal(["good.ome.tiff", "notes.txt"], filesets.Select(f => f.GetProperty("name").GetString()));
        Assert.Equal("Complete", filesets[0].GetProperty("status").GetString());
        Assert.Equal("Failed", filesets[1].GetProperty("status").GetString());
        Assert.Contains("notes.txt", filesets[1].GetProperty("error").GetString());
        Assert.Empty(filesets[1].GetProperty("images").EnumerateArray());
    }

    [Fact]
    public async Task Import_OnlyNonImages_Fails()
    {
        await using var host = await TestHost.StartAsync(services, SmallTiles);
        var api = new ImportApi(host);
        string import = await ImportAsync(api, await api.CreateRepositoryAsync(), (files.Text("a.txt", "no"), "a.txt"));

        var done = await api.GetAsync($"/import/{import}");
        Assert.Equal("Failed", done.GetProperty("status").GetString());
        // One sentence that names the file once.
        string error = Assert.Single(done.GetProperty("errors").EnumerateArray()).GetString()!;
        Assert.StartsWith("a.txt: ", error);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(error, "a\\.txt"));
    }

    [Fact]
    public async Task Import_NotCompletedBeforeUploadTimeout_ExpiresAndRemovesUploads()
    {
        await using var host = await TestHost.StartAsync(services, ("Minerva:UploadTimeout", "00:00:03"));
        var api = new ImportApi(host);
        string import = await api.CreateImportAsync(await api.CreateRepositoryAsync());
        await api.UploadAsync(import, files.Text("partial.bin", "half an upload"), "partial.bin");

        var done = await api.WaitUntilFinishedAsync(import, ImportTimeout);

        Assert.Equal("Expired", done.GetProperty("status").GetString());
        var left = await host.Admin.ListObjectsV2Async(new ListObjectsV2Request { BucketName = host.Bucket, Prefix = $"imports/{import}/" });
        Assert.Empty(left.S3Objects ?? []);
    }

    [Fact]
    public async Task Cancel_ImportAwaitingUpload_TerminatesAndRemovesUploads()
    {
        await using var host = await TestHost.StartAsync(services);
        var api = new ImportApi(host);
        string import = await api.CreateImportAsync(await api.CreateRepositoryAsync());
        await api.UploadAsync(import, files.Text("partial.bin", "half an upload"), "partial.bin");

        await api.CancelAsync(import);

        Assert.Equal("Cancelled", (await api.GetAsync($"/import/{import}")).GetProperty("status").GetString());
        var left = await host.Admin.ListObjectsV2Async(new ListObjectsV2Request { BucketName = host.Bucket, Prefix = $"imports/{import}/" });
        Assert.Empty(left.S3Objects ?? []);
        Assert.Equal("Terminated", await api.OrchestrationEndAsync(import));
    }

    [Theory]
    [InlineData("replace")]
    [InlineData("rename")]
    [InlineData("ignore")]
    public async Task Import_SameNameDifferentContent_SettledByOnConflict(string onConflict)
    {
        await using var host = await TestHost.StartAsync(services, SmallTiles);
        var api = new ImportApi(host);
        string repository = await api.CreateRepositoryAsync();
        var (oldPath, _) = files.PyramidalOmeTiff(seed: 1, width: 300, height: 200);
        var (newPath, _) = files.PyramidalOmeTiff(seed: 2, width: 300, height: 200);
        string first = await ImportAsync(api, repository, (oldPath, "sample.ome.tiff"));
        var oldImage = Assert.Single((await api.FilesetsAsync(first))[0].GetProperty("images").EnumerateArray());
        string oldUuid = oldImage.GetProperty("uuid").GetString()!;

        string second = await ImportAsync(api, repository, onConflict, (newPath, "sample.ome.tiff"));

        var fileset = Assert.Single(await api.FilesetsAsync(second));
        Assert.Equal("Complete", fileset.GetProperty("status").GetString());
        var image = Assert.Single(fileset.GetProperty("images").EnumerateArray());
        using var oldResponse = await api.Http.GetAsync($"/image/{oldUuid}");
        switch (onConflict)
        {
            case "replace":
                Assert.NotEqual(oldUuid, image.GetProperty("uuid").GetString());
                Assert.Equal("sample.ome.tiff", image.GetProperty("name").GetString());
                Assert.Equal(System.Net.HttpStatusCode.NotFound, oldResponse.StatusCode);
                string oldLocation = oldImage.GetProperty("location").GetString()!;
                var left = await host.Admin.ListObjectsV2Async(new ListObjectsV2Request { BucketName = host.Bucket, Prefix = oldLocation + "/" });
                Assert.Empty(left.S3Objects ?? []);
                break;
            case "rename":
                Assert.NotEqual(oldUuid, image.GetProperty("uuid").GetString());
                Assert.Equal("sample.ome.tiff (2)", image.GetProperty("name").GetString());
                Assert.True(oldResponse.IsSuccessStatusCode);
                break;
            default:
                Assert.Equal(oldUuid, image.GetProperty("uuid").GetString());
                Assert.True(oldResponse.IsSuccessStatusCode);
                var children = (await api.GetAsync($"/import/{second}/orchestration")).GetProperty("subOrchestrations").EnumerateArray();
                Assert.Equal([$"{second}:0"], children.Select(c => c.GetProperty("instanceId").GetString()));
                break;
        }
    }

    public void Dispose() => files.Dispose();

    private static Task<string> ImportAsync(ImportApi api, string repository, params (string Path, string Name)[] uploads) =>
        ImportAsync(api, repository, null, uploads);

    /// <summary>A whole import: create, upload every file, complete, wait until it has finished.</summary>
    private static async Task<string> ImportAsync(ImportApi api, string repository, string? onConflict, params (string Path, string Name)[] uploads)
    {
        string import = await api.CreateImportAsync(repository);
        foreach (var (path, name) in uploads)
        {
            await api.UploadAsync(import, path, name);
        }

        await api.CompleteAsync(import, onConflict);
        await api.WaitUntilFinishedAsync(import, ImportTimeout);
        return import;
    }

    /// <summary>GET /image/{uuid}/zarr/… serves the same objects as the bucket holds.</summary>
    private static async Task AssertServedAsync(ImportApi api, string imageUuid, string localSeries)
    {
        foreach (string relative in new[] { ".zattrs", "0/.zarray", "0/0/0/0/0/0" })
        {
            byte[] served = await api.Http.GetByteArrayAsync($"/image/{imageUuid}/zarr/{relative}");
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(localSeries, relative)), served);
        }
    }
}
