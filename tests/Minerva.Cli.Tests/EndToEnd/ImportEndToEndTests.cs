using System.Text.Json;
using Amazon.S3.Model;
using Minerva.Cli.Api;
using Minerva.Cli.CommandLine;
using Minerva.Cli.Tests.Support;
using Minerva.Cli.Upload;
using Minerva.Testing.Services;
using Minerva.Testing.Tiff;

namespace Minerva.Cli.Tests.EndToEnd;

/// <summary>
/// <c>minerva</c> as a user runs it (its own process) against the real standalone host, Azurite and Ceph RGW:
/// an OME-TIFF becomes an OME-Zarr, and every kind of mistake ends with one clear line and its exit code.
/// </summary>
[Collection(LocalServices.Collection)]
public sealed class ImportEndToEndTests(LocalServices services) : IAsyncLifetime
{
    private readonly TempDirectory home = new();
    private readonly string repository = "cli " + Guid.NewGuid().ToString("N")[..8];
    private RunningService service = null!;

    public async Task InitializeAsync() => service = await RunningService.StartAsync(services);

    [Fact]
    public async Task Import_MultiChannelOmeTiff_CompleteWithOneImageAndExitZero()
    {
        var path = WriteOmeTiff("slide.ome.tif", seed: 1);

        var run = await RunAsync("import", path, "--repository", repository, "--json");

        Assert.True(run.ExitCode == 0, run.Err);
        using var result = JsonDocument.Parse(run.Out);
        Assert.Equal("Complete", result.RootElement.GetProperty("import").GetProperty("status").GetString());
        var fileset = Assert.Single(result.RootElement.GetProperty("filesets").EnumerateArray());
        Assert.True(fileset.GetProperty("complete").GetBoolean());
        var image = Assert.Single(fileset.GetProperty("images").EnumerateArray());
        Assert.Equal([1L, 3, 1, 1100, 1500], image.GetProperty("shape").EnumerateArray().Select(n => n.GetInt64()));
        Assert.True(image.GetProperty("levels").GetInt32() >= 2);

        var table = await RunAsync("filesets", result.RootElement.GetProperty("import").GetProperty("uuid").GetString()!);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains(image.GetProperty("uuid").GetString()!, table.Out, StringComparison.Ordinal);
        Assert.Contains(image.GetProperty("location").GetString()!, table.Out, StringComparison.Ordinal);
        Assert.Contains("1x3x1x1100x1500", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_SameFileTwice_SecondRunSkipsIt()
    {
        var path = WriteOmeTiff("twice.ome.tif", seed: 2);
        var first = await RunAsync("import", path, "--repository", repository);
        Assert.True(first.ExitCode == 0, first.Err);

        var second = await RunAsync("import", path, "--repository", repository);

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("twice.ome.tif skipped", second.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_NoWait_PrintsTheImportUuidOnceUploaded()
    {
        var path = WriteOmeTiff("later.ome.tif", seed: 4);

        var run = await RunAsync("import", path, "--repository", repository, "--no-wait");

        Assert.True(run.ExitCode == 0, run.Err);
        var uuid = run.Out.Trim();
        Assert.True(Guid.TryParse(uuid, out _), run.Out);
        var status = await RunAsync("status", uuid, "--json");
        Assert.Equal(0, status.ExitCode);
        using var import = JsonDocument.Parse(status.Out);
        Assert.Equal(uuid, import.RootElement.GetProperty("uuid").GetString());

        var imports = await RunAsync("imports", repository, "--json");
        Assert.True(imports.ExitCode == 0, imports.Err);
        using var listed = JsonDocument.Parse(imports.Out);
        Assert.Contains(uuid, listed.RootElement.EnumerateArray().Select(i => i.GetProperty("uuid").GetString()));
    }

    [Fact]
    public async Task Cancel_ImportAwaitingUpload_ShownCancelled()
    {
        using var handler = new SocketsHttpHandler();
        using var client = MinervaClient.Create(new ServiceConnection(service.Url, RunningService.ApiKey), handler);
        var repo = (await client.CreateRepositoryAsync(new NewRepository(repository, RawStorage.Destroy), CancellationToken.None)).Value;
        var import = (await client.CreateImportAsync(new NewImport("to cancel", repo.Uuid), CancellationToken.None)).Value;

        var run = await RunAsync("cancel", import.Uuid);

        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("Cancelled", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_NotAnImage_FilesetFailedExitTwoNamingTheFile()
    {
        var path = home.File("notes.tif", "these are lab notes, not a TIFF"u8.ToArray());

        var run = await RunAsync("import", path, "--repository", repository);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("notes.tif", run.ErrorLine, StringComparison.Ordinal);
        Assert.Contains("notes.tif", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MissingFile_ExitTwoBeforeAnyRequest()
    {
        var missing = Path.Combine(home.Path, "absent.ome.tif");

        var run = await RunAsync("import", missing, "--repository", repository);

        Assert.Equal((2, $"minerva: {missing}: no such file"), (run.ExitCode, run.ErrorLine));
    }

    [Fact]
    public async Task Repos_WrongKey_ExitTwoWithTheServiceDetail()
    {
        var run = await MinervaProcess.RunAsync(home.Path, service.Url, "not-a-key", "repos");

        Assert.Equal(2, run.ExitCode);
        Assert.Matches("^minerva: .*key", run.ErrorLine);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Status_UnknownImport_ExitTwo()
    {
        var run = await RunAsync("status", Guid.NewGuid().ToString());

        Assert.True(run.ExitCode == 2, run.Err);
        Assert.StartsWith("minerva: ", run.ErrorLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repos_ServiceDown_ExitOneCannotReach()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";

        var run = await MinervaProcess.RunAsync(home.Path, url, RunningService.ApiKey, "repos");

        Assert.Equal((1, $"minerva: cannot reach the Minerva service at {url}: connection refused"), (run.ExitCode, run.ErrorLine));
    }

    /// <summary>
    /// The state an interrupted run leaves (import awaiting upload, multipart upload with its first part on S3) is
    /// continued: same import, only the missing parts sent, and the image imported whole.
    /// </summary>
    [Fact]
    public async Task Import_AfterInterruptedUpload_ContinuesTheSameImport()
    {
        var path = WriteOmeTiff("resumed.ome.tif", seed: 3);
        var interrupted = await InterruptAfterFirstPartAsync(path);

        var run = await RunAsync("import", path, "--repository", repository, "--json");

        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains($"continuing import {interrupted}", run.Err, StringComparison.Ordinal);
        Assert.Contains("resumed.ome.tif: resuming, 1 part(s) already uploaded", run.Err, StringComparison.Ordinal);
        using var result = JsonDocument.Parse(run.Out);
        Assert.Equal(interrupted, result.RootElement.GetProperty("import").GetProperty("uuid").GetString());
        Assert.Equal("Complete", result.RootElement.GetProperty("import").GetProperty("status").GetString());
        var remembered = UploadStateStore.Open(Path.Combine(home.Path, ".minerva")).Find(FileFingerprint.Of(path));
        Assert.Null(remembered!.Upload);
    }

    /// <summary>Does what the first run of <c>minerva import</c> does up to its first uploaded part, then stops.</summary>
    private async Task<string> InterruptAfterFirstPartAsync(string path)
    {
        var file = FileFingerprint.Of(path);
        var hash = await FileHasher.Sha256Base64Async(path, _ => { }, CancellationToken.None);
        using var handler = new SocketsHttpHandler();
        using var client = MinervaClient.Create(new ServiceConnection(service.Url, RunningService.ApiKey), handler);
        var repo = (await client.CreateRepositoryAsync(new NewRepository(repository, RawStorage.Destroy), CancellationToken.None)).Value;
        var import = (await client.CreateImportAsync(new NewImport("interrupted", repo.Uuid), CancellationToken.None)).Value;
        var credentials = (await client.GetCredentialsAsync(import.Uuid, CancellationToken.None)).Value;
        using var s3 = S3ClientFactory.Create(credentials);
        var key = credentials.KeyPrefix + Path.GetFileName(path);
        var plan = new PartPlan(file.Size, PartPlan.MinPartSize);
        var uploader = new MultipartUploader(s3, credentials.Bucket, 1);
        var uploadId = await uploader.StartAsync(key, hash, CancellationToken.None);
        var (offset, length) = plan.Part(1);
        await s3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = credentials.Bucket,
            Key = key,
            UploadId = uploadId,
            PartNumber = 1,
            FilePath = path,
            FilePosition = offset,
            PartSize = length,
        });
        Assert.True(plan.Count > 1, "the test file must need several parts");

        var pending = new PendingUpload(import.Uuid, repo.Uuid, key, uploadId, plan.PartSize, Uploaded: false);
        UploadStateStore.Open(Path.Combine(home.Path, ".minerva")).Save(file, new FileState(file.Size, file.ModifiedUtc, hash, pending));
        return import.Uuid;
    }

    /// <summary>A 3-channel uint16 OME-TIFF in 256×256 tiles, 9.9 MB: with 1024×1024 chunks a two-level pyramid.</summary>
    private string WriteOmeTiff(string name, int seed, int width = 1500, int height = 1100)
    {
        var path = Path.Combine(home.Path, name);
        TestTiff.Write(path, new TestTiffSpec
        {
            Width = width,
            Height = height,
            SizeC = 3,
            TileSize = 256,
            Ome = new TestOme { ChannelNames = ["DAPI", "CD3", "CD8"] },
            Seed = seed,
        });
        return path;
    }

    private Task<CliRun> RunAsync(params string[] args) => MinervaProcess.RunAsync(home.Path, service.Url, RunningService.ApiKey, args);

    public async Task DisposeAsync()
    {
        await service.DisposeAsync();
        home.Dispose();
    }
}
