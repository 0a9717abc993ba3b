using Microsoft.AspNetCore.Http;
using Minerva.Service.Api;
using Minerva.Service.Configuration;
using Minerva.Service.Records;
using Minerva.Service.Tests.Storage;
using Minerva.Testing.Services;

namespace Minerva.Service.Tests.Api;

/// <summary>
/// The zarr handler's own path check, called directly: over HTTP, Kestrel already resolves dot segments, so
/// this is the guard for hosts (Functions) whose front end might not.
/// </summary>
[Collection(LocalServices.Collection)]
public sealed class ImageHandlersTests(LocalServices services)
{
    [Theory]
    [InlineData("0/../../other/.zattrs")]
    [InlineData("./.zattrs")]
    [InlineData("0//1")]
    [InlineData("")]
    public async Task ZarrAsync_DotOrEmptySegment_Is400(string path)
    {
        var records = await Stores.RecordStoreAsync(services);
        var objects = await Stores.ObjectStoreAsync(services, LocalServices.NewBucketName());
        var owner = "owner-" + Guid.NewGuid().ToString("N");
        var image = new ImageRecord(Guid.NewGuid().ToString(), owner, Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), "i", 0,
            "images/x/0", 1, [1, 1, 1, 1, 1], "uint8", [], new string('f', 64), DateTimeOffset.UtcNow);
        await records.PutImageAsync(image);
        var keys = new ApiKeys(StaticOptions.Of(new MinervaOptions { ApiKeys = { ["k"] = owner } }));
        var links = new ImageLinks(StaticOptions.Of(new LinkOptions { Secret = "test" }), StaticOptions.Of(new S3Options()), TimeProvider.System);
        var context = new DefaultHttpContext();
        context.Request.Headers[ApiKeys.Header] = "k";

        var e = await Assert.ThrowsAsync<ApiException>(() => new ImageHandlers(keys, records, objects, links).ZarrAsync(context.Request, image.Uuid, path, default));

        Assert.Equal((400, "invalid_path"), (e.Status, e.Code));
    }
}
