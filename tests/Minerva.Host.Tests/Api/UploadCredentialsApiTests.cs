using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.S3;
using Amazon.S3.Model;
using Minerva.Service.Records;
using Minerva.Service.Storage;
using Minerva.Testing.Services;

namespace Minerva.Host.Tests.Api;

/// <summary>
/// The temporary credentials of GET /import/{uuid}/credentials against the real S3 (Ceph RGW): they write only under
/// their import's prefix, and once the import is cancelled or its upload complete they write nothing at all.
/// </summary>
public sealed class UploadCredentialsApiTests(LocalServices services, ApiHostFixture fixture) : SharedApiHostTests(services, fixture)
{
    [Theory]
    [InlineData("imports/{other}/x.tif")]
    [InlineData("imports/{import}")]
    [InlineData("imports/{import}x.tif")]
    [InlineData("zarr/{import}/x.ome.zarr/.zgroup")]
    [InlineData("x.tif")]
    public async Task Credentials_PutOutsideTheirPrefix_IsDeniedAndStoresNothing(string template)
    {
        var (_, import) = await Host.CreateImportAsync();
        var key = template.Replace("{import}", import, StringComparison.Ordinal).Replace("{other}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
        using var uploader = Uploader.From(await CredentialsAsync(import));

        await AssertDeniedAsync(() => uploader.PutObjectAsync(Put(key)));

        Assert.Empty(await Host.Objects.ListAsync(key));
    }

    [Fact]
    public async Task Credentials_KeyClimbingWithDotDot_StaysALiteralKeyInsideTheirPrefix()
    {
        var (_, import) = await Host.CreateImportAsync();
        var other = Guid.NewGuid().ToString();
        using var uploader = Uploader.From(await CredentialsAsync(import));

        await uploader.PutObjectAsync(new PutObjectRequest { BucketName = Host.Objects.Bucket, Key = $"imports/{import}/../{other}/x.tif", ContentBody = "x" });

        Assert.Equal([$"imports/{import}/../{other}/x.tif"], (await Host.Objects.ListAsync($"imports/{import}/")).Select(o => o.Key));
        Assert.Empty(await Host.Objects.ListAsync($"imports/{other}/"));
    }

    [Fact]
    public async Task Credentials_AfterCancel_WriteNothingAndNothingStays()
    {
        var (_, import) = await Host.CreateImportAsync();
        var prefix = $"imports/{import}/";
        using var uploader = Uploader.From(await CredentialsAsync(import));
        await uploader.PutObjectAsync(new PutObjectRequest { BucketName = Host.Objects.Bucket, Key = prefix + "a.tif", ContentBody = "before" });
        var pending = await uploader.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = Host.Objects.Bucket, Key = prefix + "big.tif" });
        var part = await uploader.UploadPartAsync(new UploadPartRequest
        {
            BucketName = Host.Objects.Bucket,
            Key = prefix + "big.tif",
            UploadId = pending.UploadId,
            PartNumber = 1,
            InputStream = new MemoryStream(new byte[5 << 20]),
        });

        Assert.Equal(HttpStatusCode.Accepted, (await Host.Alice.DeleteAsync($"/import/{import}")).StatusCode);

        await AssertDeniedAsync(() => uploader.PutObjectAsync(Put(prefix + "b.tif")));
        await AssertDeniedAsync(() => uploader.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = Host.Objects.Bucket, Key = prefix + "c.tif" }));
        await AssertDeniedAsync(() => uploader.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = Host.Objects.Bucket,
            Key = prefix + "big.tif",
            UploadId = pending.UploadId,
            PartETags = [new PartETag(1, part.ETag)],
        }));
        await ApiAssert.ErrorAsync(await Host.Alice.GetAsync($"/import/{import}/credentials"), HttpStatusCode.Conflict, "wrong_state");
        Assert.Empty(await Host.Objects.ListAsync(prefix));
    }

    [Fact]
    public async Task Credentials_AfterComplete_CannotChangeWhatIsImported()
    {
        var (_, import) = await Host.CreateImportAsync();
        var prefix = $"imports/{import}/";
        using var uploader = Uploader.From(await CredentialsAsync(import));
        await uploader.PutObjectAsync(new PutObjectRequest { BucketName = Host.Objects.Bucket, Key = prefix + "a.tif", ContentBody = "uploaded" });

        Assert.Equal(HttpStatusCode.Accepted, (await Host.Alice.PutAsync($"/import/{import}", new StringContent("""{"complete":true}"""))).StatusCode);

        await AssertDeniedAsync(() => uploader.PutObjectAsync(Put(prefix + "a.tif")));
        await AssertDeniedAsync(() => uploader.PutObjectAsync(Put(prefix + "b.tif")));
        Assert.Equal([(prefix + "a.tif", (long)"uploaded".Length)], (await Host.Objects.ListAsync(prefix)).Select(o => (o.Key, o.Size)));
    }

    [Fact]
    public async Task Cancel_SeveralImportsAtOnce_ClosesEveryOnesCredentials()
    {
        var imports = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ => (await Host.CreateImportAsync()).Import));
        var uploaders = await Task.WhenAll(imports.Select(async i => Uploader.From(await CredentialsAsync(i))));

        var answers = await Task.WhenAll(imports.Select(i => Host.Alice.DeleteAsync($"/import/{i}")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.StatusCode));
        foreach (var (import, uploader) in imports.Zip(uploaders))
        {
            await AssertDeniedAsync(() => uploader.PutObjectAsync(Put($"imports/{import}/late.tif")));
            uploader.Dispose();
        }

        var policy = JsonNode.Parse((await Admin().GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = Host.Objects.Bucket })).Policy)!;
        var ours = policy["Statement"]!.AsArray().Single(s => s!["Sid"]!.GetValue<string>() == UploadSeal.StatementId)!;
        var principals = ours["Principal"]!["AWS"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        Assert.All(imports, i => Assert.Contains(UploadSession.PrincipalArn(Services.S3.StsRoleArn, $"imports/{i}/"), principals));
    }

    [Fact]
    public async Task Complete_EngineUnreachable_UndoesCompletionAndCredentialsWriteAgain()
    {
        var (_, import) = await Host.CreateImportAsync();
        using var uploader = Uploader.From(await CredentialsAsync(import));
        Host.Workflow.OnComplete = _ => throw new InvalidOperationException("the durable engine cannot be reached");

        var failed = await Host.Alice.PutAsync($"/import/{import}", new StringContent("""{"complete":true}"""));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(ImportStatus.AwaitingUpload, (await Host.Records.GetImportAsync(Host.AliceUser, import))!.Status);
        await uploader.PutObjectAsync(new PutObjectRequest { BucketName = Host.Objects.Bucket, Key = $"imports/{import}/a.tif", ContentBody = "x" });
        Host.Workflow.OnComplete = null;
        Assert.Equal(HttpStatusCode.Accepted, (await Host.Alice.PutAsync($"/import/{import}", new StringContent("""{"complete":true}"""))).StatusCode);
    }

    private async Task<JsonElement> CredentialsAsync(string import) => await ApiHost.ReadJsonAsync(await Host.Alice.GetAsync($"/import/{import}/credentials"));

    private IAmazonS3 Admin() => S3ClientFactory.Create(new Minerva.Service.Configuration.S3Options
    {
        Endpoint = Services.S3.Endpoint,
        Region = Services.S3.Region,
        AccessKey = Services.S3.AccessKey,
        SecretKey = Services.S3.SecretKey,
    });

    /// <summary>
    /// An empty PUT: refused or not exactly as one with content, but RGW (Pacific) answers a refused PUT before reading
    /// its body and then parses that body as the connection's next request, whose "400 bad method" can reach the client
    /// in place of the 403.
    /// </summary>
    private PutObjectRequest Put(string key) => new() { BucketName = Host.Objects.Bucket, Key = key, ContentBody = "" };

    private static async Task AssertDeniedAsync(Func<Task> write)
    {
        var e = await Assert.ThrowsAsync<AmazonS3Exception>(write);
        Assert.Equal(HttpStatusCode.Forbidden, e.StatusCode);
    }
}
