using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using Minerva.Service.Records;
using Minerva.Service.Storage;
using Minerva.Testing.Services;

namespace Minerva.Host.Tests.Api;

/// <summary>Upload credentials from the API: real STS credentials, used with AWSSDK.S3 against the real S3 server.</summary>
[Collection(LocalServices.Collection)]
public sealed class UploadApiTests(LocalServices services) : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(services);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task GetCredentials_AwaitingUpload_WriteOnlyUnderImportPrefix()
    {
        var (_, import) = await _host.CreateImportAsync();

        var body = await ApiHost.ReadJsonAsync(await _host.Alice.GetAsync($"/import/{import}/credentials"));

        var prefix = body.GetProperty("key_prefix").GetString()!;
        var bucket = body.GetProperty("bucket").GetString()!;
        Assert.Equal($"imports/{import}/", prefix);
        Assert.Equal(_host.Objects.Bucket, bucket);
        Assert.Equal((services.S3.Endpoint, services.S3.Region), (body.GetProperty("endpoint").GetString(), body.GetProperty("region").GetString()));
        Assert.True(body.GetProperty("expiration").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(1));
        using var uploader = Uploader.From(body);
        var bytes = new byte[(12 * 1024 * 1024) + 1];
        Random.Shared.NextBytes(bytes);
        using (var transfer = new TransferUtility(uploader))
        {
            await transfer.UploadAsync(new TransferUtilityUploadRequest
            {
                BucketName = bucket,
                Key = prefix + "image.ome.tif",
                InputStream = new MemoryStream(bytes),
                PartSize = 5 * 1024 * 1024,
            });
        }

        // Empty: RGW parses the unread body of a refused PUT as the connection's next request (a 400 to whoever sends it).
        var outside = await Assert.ThrowsAsync<AmazonS3Exception>(() => uploader.PutObjectAsync(
            new PutObjectRequest { BucketName = bucket, Key = $"imports/{Guid.NewGuid()}/x.tif", ContentBody = "" }));
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Equal([(prefix + "image.ome.tif", (long)bytes.Length)], (await _host.Objects.ListAsync("imports/")).Select(o => (o.Key, o.Size)));
    }

    [Fact]
    public async Task DeleteImport_WithUploadsAndOutputs_CancelsAndRemovesThem()
    {
        var (repository, import) = await _host.CreateImportAsync();
        var prefix = $"imports/{import}/";
        await _host.Objects.PutAsync(prefix + "a.ome.tif", new MemoryStream([1, 2, 3]));
        var unrecordedOutput = $"zarr/{import}/{Guid.NewGuid()}.ome.zarr/.zgroup";
        await _host.Objects.PutAsync(unrecordedOutput, new MemoryStream("{}"u8.ToArray()));
        var built = await PutImageAsync(repository, import, new string('a', 64));
        var linkedElsewhere = await PutImageAsync(repository, Guid.NewGuid().ToString(), new string('b', 64));
        await _host.Records.PutFilesetAsync(new FilesetRecord(
            Guid.NewGuid().ToString(), import, _host.AliceUser, "b.ome.tif", "", "linked", FilesetStatus.Complete, 1, null, linkedElsewhere.Sha256,
            [linkedElsewhere.Uuid], DateTimeOffset.UtcNow));

        var response = await _host.Alice.DeleteAsync($"/import/{import}");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Cancelled", (await ApiHost.ReadJsonAsync(response)).GetProperty("status").GetString());
        Assert.Contains($"terminate {import}", _host.Workflow.Calls);
        Assert.Empty(await _host.Objects.ListAsync(prefix));
        Assert.Empty(await _host.Objects.ListAsync(unrecordedOutput));
        Assert.Empty(await _host.Objects.ListAsync(built.Location));
        Assert.Null(await _host.Records.GetImageAsync(_host.AliceUser, built.Uuid));
        Assert.Empty(await _host.Records.FindImagesByHashAsync(repository, built.Sha256));
        Assert.NotEmpty(await _host.Objects.ListAsync(linkedElsewhere.Location));
        Assert.NotNull(await _host.Records.GetImageAsync(_host.AliceUser, linkedElsewhere.Uuid));
        Assert.Equal("Cancelled", (await ApiHost.ReadJsonAsync(await _host.Alice.GetAsync($"/import/{import}"))).GetProperty("status").GetString());
        await ApiAssert.ErrorAsync(await _host.Alice.DeleteAsync($"/import/{import}"), HttpStatusCode.Conflict, "wrong_state");
    }

    [Theory]
    [InlineData(ImportStatus.Complete)]
    [InlineData(ImportStatus.Failed)]
    [InlineData(ImportStatus.Expired)]
    public async Task DeleteImport_Finished_Is409(ImportStatus status)
    {
        var (_, import) = await _host.CreateImportAsync();
        await _host.MoveImportAsync(import, status);

        await ApiAssert.ErrorAsync(await _host.Alice.DeleteAsync($"/import/{import}"), HttpStatusCode.Conflict, "wrong_state");
        Assert.DoesNotContain($"terminate {import}", _host.Workflow.Calls);
    }

    /// <summary>An image of a fileset of <paramref name="import"/>, with a chunk in S3 and its hash recorded.</summary>
    private async Task<ImageRecord> PutImageAsync(string repository, string import, string sha256)
    {
        var fileset = Guid.NewGuid().ToString();
        var image = new ImageRecord(
            Guid.NewGuid().ToString(), _host.AliceUser, repository, fileset, "image", 0, $"images/{Guid.NewGuid()}/", 1, [1, 1, 1, 2, 2], "uint8",
            [new ChannelRecord("c0", "FFFFFF")], sha256, DateTimeOffset.UtcNow);
        await _host.Records.PutImageAsync(image);
        await _host.Records.PutHashAsync(repository, sha256, [image.Uuid]);
        await _host.Records.PutFilesetAsync(new FilesetRecord(
            fileset, import, _host.AliceUser, "a.ome.tif", $"imports/{import}/a.ome.tif", "ome-tiff", FilesetStatus.Processing, 0.5, null, sha256,
            [image.Uuid], DateTimeOffset.UtcNow));
        await _host.Objects.ChunkStore(image.Location).WriteAsync("0/.zarray", "{}"u8.ToArray());
        return image;
    }
}
