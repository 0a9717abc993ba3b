using System.Net;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SecurityToken.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Minerva.Service.Configuration;
using Minerva.Service.Storage;
using Minerva.Testing.Services;

namespace Minerva.Service.Tests.Storage;

/// <summary>Closing upload prefixes through the bucket policy, on the real S3 (Ceph RGW) and records (Azurite).</summary>
[Collection(LocalServices.Collection)]
public sealed class UploadSealTests(LocalServices services) : IAsyncLifetime
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly string _bucket = LocalServices.NewBucketName();
    private readonly SettableClock _clock = new();
    private S3ObjectStore _objects = null!;
    private TableRecordStore _records = null!;
    private IAmazonS3 _admin = null!;
    private UploadSeal _seal = null!;

    public async Task InitializeAsync()
    {
        _objects = await Stores.ObjectStoreAsync(services, _bucket);
        _records = await Stores.RecordStoreAsync(services);
        _admin = S3ClientFactory.Create(Stores.S3Options(services, _bucket));
        _seal = new UploadSeal(
            _admin, _records, _objects, Options.Create(Stores.S3Options(services, _bucket)), Options.Create(new MinervaOptions { UploadCredentialLifetime = Lifetime }), _clock, NullLogger<UploadSeal>.Instance);
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task CloseAsync_PolicyWithOtherStatements_DeniesThatSessionOnlyAndKeepsThem()
    {
        const string operatorStatement = """{"Sid":"Operator","Effect":"Deny","Principal":{"AWS":["arn:aws:iam:::user/nobody"]},"Action":"s3:DeleteBucket","Resource":"arn:aws:s3:::BUCKET"}""";
        await _admin.PutBucketPolicyAsync(new PutBucketPolicyRequest
        {
            BucketName = _bucket,
            Policy = """{"Version":"2012-10-17","Statement":[STATEMENT]}""".Replace("STATEMENT", operatorStatement.Replace("BUCKET", _bucket, StringComparison.Ordinal), StringComparison.Ordinal),
        });
        var (closed, open) = ($"imports/{Guid.NewGuid()}/", $"imports/{Guid.NewGuid()}/");
        using var closedUploader = await UploaderAsync(closed);
        using var openUploader = await UploaderAsync(open);

        await _seal.CloseAsync(closed, sweep: false);

        var denied = await Assert.ThrowsAsync<AmazonS3Exception>(() => closedUploader.PutObjectAsync(Put(closed + "a.tif")));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        await openUploader.PutObjectAsync(Put(open + "a.tif"));
        await _objects.PutAsync(closed + "by-the-service.tif", new MemoryStream([1]));
        var statements = (await PolicyAsync())!["Statement"]!.AsArray();
        Assert.Equal([UploadSeal.StatementId, "Operator"], statements.Select(s => s!["Sid"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PublishAsync_CredentialsOfACancelledImportExpired_SweepsWhatLandedAndDropsTheDeny()
    {
        var prefix = $"imports/{Guid.NewGuid()}/";
        var kept = $"imports/{Guid.NewGuid()}/";
        await _seal.CloseAsync(prefix, sweep: true);
        await _seal.CloseAsync(kept, sweep: false);
        await _seal.CloseAsync(kept, sweep: false);
        await _objects.PutAsync(prefix + "landed-late.tif", new MemoryStream([1]));
        await _objects.PutAsync(kept + "uploaded.tif", new MemoryStream([1]));

        _clock.Now += Lifetime + TimeSpan.FromMinutes(6);
        await _seal.PublishAsync();

        Assert.Empty(await _objects.ListAsync(prefix));
        Assert.Single(await _objects.ListAsync(kept));
        Assert.Empty(await _records.ListUploadSealsAsync(_bucket));
        Assert.Null(await PolicyAsync());
    }

    [Fact]
    public async Task CloseAsync_CancelledThenCompleted_StillSweeps()
    {
        var prefix = $"imports/{Guid.NewGuid()}/";

        await _seal.CloseAsync(prefix, sweep: true);
        await _seal.CloseAsync(prefix, sweep: false);

        Assert.True(Assert.Single(await _records.ListUploadSealsAsync(_bucket)).Sweep);
    }

    [Fact]
    public async Task PrincipalArn_SessionOfTheRealStsRole_IsTheArnStsAnswers()
    {
        var prefix = $"imports/{Guid.NewGuid()}/";
        using var sts = S3ClientFactory.CreateSts(Stores.S3Options(services, _bucket));

        var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = services.S3.StsRoleArn, RoleSessionName = UploadSession.Name(prefix) });

        Assert.Equal(assumed.AssumedRoleUser.Arn, UploadSession.PrincipalArn(services.S3.StsRoleArn, prefix));
        Assert.Equal(
            $"arn:aws:sts::123456789012:assumed-role/uploader/{UploadSession.Name(prefix)}",
            UploadSession.PrincipalArn("arn:aws:iam::123456789012:role/minerva/uploader", prefix));
    }

    private async Task<IAmazonS3> UploaderAsync(string prefix)
    {
        var c = await _objects.CreateUploadCredentialsAsync(prefix, Lifetime);
        return S3ClientFactory.Create(Stores.S3Options(services, _bucket), new SessionAWSCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken));
    }

    /// <summary>Empty: RGW answers a refused PUT before reading its body, and a body left unread can turn its 403 into a 400.</summary>
    private PutObjectRequest Put(string key) => new() { BucketName = _bucket, Key = key, ContentBody = "" };

    private async Task<JsonNode?> PolicyAsync()
    {
        var response = await _admin.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = _bucket });
        return response.HttpStatusCode == HttpStatusCode.OK ? JsonNode.Parse(response.Policy) : null;
    }

    private sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
