using System.Text.Json;
using Minerva.Service.Configuration;
using Minerva.Service.Storage;

namespace Minerva.Service.Tests.Storage.MinIO;

/// <summary>
/// What the service sends to MinIO where MinIO differs from the local Ceph RGW (no role ARN, no GLACIER class),
/// checked against MinIO's recorded answers (README.md beside this file). Behaviour both share (path-style
/// addressing, session policies, multipart, archive prefix) is tested against the real local S3.
/// </summary>
public sealed class MinioRequestShapeTests
{
    private const string Bucket = "minerva";
    private const string Key = "imports/3f0e6c1a-8d4b-4f3e-9a51-2b7c9d0e1f23/scan.ome.tif";

    [Fact]
    public async Task CreateUploadCredentialsAsync_NoRoleArn_SendsMinioAssumeRoleAndReadsItsAnswer()
    {
        await using var minio = await RecordedEndpoint.StartAsync(_ => new RecordedResponse(200, RecordedEndpoint.Recorded("assume-role.response.xml")));
        var store = Store(minio, archiveStorageClass: "");

        var credentials = await store.CreateUploadCredentialsAsync("imports/3f0e6c1a-8d4b-4f3e-9a51-2b7c9d0e1f23/", TimeSpan.FromHours(12));

        var request = Assert.Single(minio.Requests);
        Assert.Equal(("POST", "/", ""), (request.Method, request.Path, request.Query));
        Assert.StartsWith("application/x-www-form-urlencoded", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=minerva-service/", request.Header("Authorization"), StringComparison.Ordinal);
        Assert.Contains("/us-east-1/sts/aws4_request", request.Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal("", request.Header("X-Amz-Security-Token"));
        var form = request.Form();
        Assert.Equal(("AssumeRole", "2011-06-15", "43200"), (form["Action"], form["Version"], form["DurationSeconds"]));
        Assert.False(form.ContainsKey("RoleArn"));
        Assert.InRange(form["Policy"].Length, 1, 2048);
        var statement = JsonDocument.Parse(form["Policy"]).RootElement.GetProperty("Statement")[0];
        Assert.Equal($"arn:aws:s3:::{Bucket}/imports/3f0e6c1a-8d4b-4f3e-9a51-2b7c9d0e1f23/*", statement.GetProperty("Resource")[0].GetString());

        Assert.Equal(("Y4RJU1RNFGK48LGO9I2S", "sYLRKS1Z7hSjluf6gEbb9066hnx315wHTiACPAjg"), (credentials.AccessKeyId, credentials.SecretAccessKey));
        Assert.StartsWith("eyJhbGciOiJIUzUxMiIs", credentials.SessionToken, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2019, 8, 8, 20, 26, 12, TimeSpan.Zero), credentials.Expiration);
        Assert.Equal((Bucket, minio.Url), (credentials.Bucket, credentials.Endpoint));
    }

    [Fact]
    public async Task CreateUploadCredentialsAsync_RoleArnSet_SendsIt()
    {
        await using var endpoint = await RecordedEndpoint.StartAsync(_ => new RecordedResponse(200, RecordedEndpoint.Recorded("assume-role.response.xml")));
        var store = Store(endpoint, archiveStorageClass: "GLACIER", roleArn: "arn:aws:iam:::role/minerva-uploader");

        await store.CreateUploadCredentialsAsync("imports/x/", TimeSpan.FromHours(1));

        Assert.Equal("arn:aws:iam:::role/minerva-uploader", Assert.Single(endpoint.Requests).Form()["RoleArn"]);
    }

    [Fact]
    public async Task CreateUploadCredentialsAsync_StsEndpointApart_SendsAssumeRoleThere()
    {
        await using var sts = await RecordedEndpoint.StartAsync(_ => new RecordedResponse(200, RecordedEndpoint.Recorded("assume-role.response.xml")));
        var options = Options(sts, archiveStorageClass: "GLACIER", roleArn: "arn:aws:iam::123456789012:role/minerva-uploader");
        options.StsEndpoint = sts.Url;
        options.Endpoint = "http://127.0.0.1:9"; // the S3 endpoint, which AWS does not serve STS on
        var store = new S3ObjectStore(S3ClientFactory.Create(options), S3ClientFactory.CreateSts(options), Microsoft.Extensions.Options.Options.Create(options));

        var credentials = await store.CreateUploadCredentialsAsync("imports/x/", TimeSpan.FromHours(12));

        Assert.Equal("AssumeRole", Assert.Single(sts.Requests).Form()["Action"]);
        Assert.Equal("http://127.0.0.1:9", credentials.Endpoint);
    }

    [Fact]
    public async Task ArchiveAsync_GlacierOnMinio_AddressesPathStyleAndFailsNamingTheSetting()
    {
        await using var minio = await RecordedEndpoint.StartAsync(request => request.Method == "HEAD"
            ? new RecordedResponse(200, "", ("Content-Length", "4096"), ("ETag", "\"5d41402abc4b2a76b9719d911017c592\""), ("Last-Modified", "Wed, 11 Feb 2026 10:00:00 GMT"))
            : new RecordedResponse(400, RecordedEndpoint.Recorded("invalid-storage-class.response.xml")));
        var store = Store(minio, archiveStorageClass: "GLACIER");

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => store.ArchiveAsync(Key));

        Assert.Contains("InvalidStorageClass", e.Message, StringComparison.Ordinal);
        Assert.Contains("S3:ArchiveStorageClass", e.Message, StringComparison.Ordinal);
        Assert.All(minio.Requests, r => Assert.Equal($"/{Bucket}/{Key}", r.Path));
        Assert.All(minio.Requests, r => Assert.Equal(new Uri(minio.Url).Authority, r.Header("Host")));
        var copy = Assert.Single(minio.Requests, r => r.Method == "PUT");
        Assert.Equal("GLACIER", copy.Header("x-amz-storage-class"));
        Assert.Equal($"{Bucket}/{Key}", Uri.UnescapeDataString(copy.Header("x-amz-copy-source")).TrimStart('/'));
    }

    private static S3ObjectStore Store(RecordedEndpoint endpoint, string archiveStorageClass, string roleArn = "")
    {
        var options = Options(endpoint, archiveStorageClass, roleArn);
        return new S3ObjectStore(S3ClientFactory.Create(options), S3ClientFactory.CreateSts(options), Microsoft.Extensions.Options.Options.Create(options));
    }

    private static S3Options Options(RecordedEndpoint endpoint, string archiveStorageClass, string roleArn = "") =>
        new()
        {
            Endpoint = endpoint.Url,
            Region = "us-east-1",
            Bucket = Bucket,
            AccessKey = "minerva-service",
            SecretKey = "minerva-service-secret",
            StsRoleArn = roleArn,
            ArchiveStorageClass = archiveStorageClass,
        };
}
