using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Minerva.Testing.Services;

namespace Minerva.Host.Tests.Api;

/// <summary>
/// Credentials stop working at the expiry the API announces. STS grants 15 minutes at least; the session policy's
/// own deadline (aws:CurrentTime) is what lets a 3-second lifetime be tested without waiting a quarter of an hour.
/// </summary>
[Collection(LocalServices.Collection)]
[Trait("Category", "EndToEnd")]
public sealed class UploadCredentialExpiryTests(LocalServices services) : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await ApiHost.StartAsync(services, [new("Minerva:UploadCredentialLifetime", "00:00:03")]);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Credentials_AfterTheirExpiry_AreDenied()
    {
        var (_, import) = await _host.CreateImportAsync();
        var credentials = await ApiHost.ReadJsonAsync(await _host.Alice.GetAsync($"/import/{import}/credentials"));
        var expiration = credentials.GetProperty("expiration").GetDateTimeOffset();
        Assert.InRange(expiration - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(-1), TimeSpan.FromSeconds(3));
        using var uploader = Uploader.From(credentials);
        var key = $"imports/{import}/a.tif";

        await uploader.PutObjectAsync(new PutObjectRequest { BucketName = _host.Objects.Bucket, Key = key, ContentBody = "in time" });
        await Task.Delay(expiration - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1.5));
        var late = await Assert.ThrowsAsync<AmazonS3Exception>(() =>
            uploader.PutObjectAsync(new PutObjectRequest { BucketName = _host.Objects.Bucket, Key = key, ContentBody = "" }));

        // Empty: RGW answers a refused PUT before reading its body, and a body left unread can turn its 403 into a 400.
        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
        Assert.Equal("in time".Length, Assert.Single(await _host.Objects.ListAsync(key)).Size);
    }
}
