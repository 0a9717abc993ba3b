using System.Net;
using System.Net.Http.Headers;
using Minerva.Service.Records;
using Minerva.Testing.Services;

namespace Minerva.Host.Tests.Api;

/// <summary>GET /image/{uuid} and its OME-Zarr objects served from the real S3 server.</summary>
[Collection(LocalServices.Collection)]
public sealed class ImageApiTests(LocalServices services) : IAsyncLifetime
{
    private const string Attributes = """{"multiscales":[{"version":"0.4"}]}""";
    private readonly byte[] _chunk = [.. Enumerable.Range(0, 1000).Select(i => (byte)(i * 7))];
    private ApiHost _host = null!;
    private ImageRecord _image = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiHost.StartAsync(services);
        var (repository, _) = await _host.CreateImportAsync();
        _image = new ImageRecord(
            Guid.NewGuid().ToString(), _host.AliceUser, repository, Guid.NewGuid().ToString(), "image 0", 0, $"images/{Guid.NewGuid()}/0", 2,
            [1, 2, 1, 3000, 4000], "uint16", [new ChannelRecord("DAPI", "0000FF"), new ChannelRecord("CD45", "00FF00")], new string('e', 64),
            DateTimeOffset.UtcNow);
        await _host.Records.PutImageAsync(_image);
        var zarr = _host.Objects.ChunkStore(_image.Location + "/");
        await zarr.WriteAsync(".zattrs", System.Text.Encoding.UTF8.GetBytes(Attributes));
        await zarr.WriteAsync("0/0/0/0/1/2", _chunk);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task GetImage_Own_AnswersRecord()
    {
        var body = await ApiHost.ReadJsonAsync(await _host.Alice.GetAsync($"/image/{_image.Uuid}"));

        Assert.Equal((_image.Uuid, _image.FilesetUuid, _image.RepositoryUuid, _image.Location, 2, "uint16", _image.Sha256), (
            body.GetProperty("uuid").GetString(),
            body.GetProperty("fileset_uuid").GetString(),
            body.GetProperty("repository_uuid").GetString(),
            body.GetProperty("location").GetString(),
            body.GetProperty("levels").GetInt32(),
            body.GetProperty("dtype").GetString(),
            body.GetProperty("sha256").GetString()));
        Assert.Equal([1, 2, 1, 3000, 4000], body.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal("CD45", body.GetProperty("channels")[1].GetProperty("label").GetString());
        await ApiAssert.ErrorAsync(await _host.Bob.GetAsync($"/image/{_image.Uuid}"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task GetZarr_Metadata_IsJson()
    {
        var response = await _host.Alice.GetAsync($"/image/{_image.Uuid}/zarr/.zattrs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Attributes, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetZarr_Chunk_IsOctetStream()
    {
        var response = await _host.Alice.GetAsync($"/image/{_image.Uuid}/zarr/0/0/0/0/1/2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(_chunk, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData(10L, 19L, 10, 20)]
    [InlineData(990L, null, 990, 1000)]
    [InlineData(900L, 5000L, 900, 1000)]
    public async Task GetZarr_Range_Is206WithContentRange(long from, long? to, int first, int end)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/image/{_image.Uuid}/zarr/0/0/0/0/1/2");
        request.Headers.Range = new RangeHeaderValue(from, to);

        var response = await _host.Alice.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes {first}-{end - 1}/1000", response.Content.Headers.ContentRange?.ToString());
        Assert.Equal(_chunk[first..end], await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task GetZarr_RangeBeyondEnd_Is416()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/image/{_image.Uuid}/zarr/0/0/0/0/1/2");
        request.Headers.Range = new RangeHeaderValue(1000, 1100);

        await ApiAssert.ErrorAsync(await _host.Alice.SendAsync(request), HttpStatusCode.RequestedRangeNotSatisfiable, "range_not_satisfiable");
    }

    [Fact]
    public async Task GetZarr_AbsentChunk_Is404()
    {
        await ApiAssert.ErrorAsync(await _host.Alice.GetAsync($"/image/{_image.Uuid}/zarr/0/0/0/0/9/9"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task GetZarr_EmptySegment_Is400()
    {
        await ApiAssert.ErrorAsync(await _host.Alice.GetAsync($"/image/{_image.Uuid}/zarr/0//0/0"), HttpStatusCode.BadRequest, "invalid_path");
    }

    [Fact]
    public async Task GetZarr_EncodedSlashDotDot_IsALiteralKeyNotATraversal()
    {
        // ASP.NET Core keeps %2F encoded in the path, so this names one odd key inside the image, which is absent.
        var response = await _host.Alice.GetAsync($"/image/{_image.Uuid}/zarr/0/0%2F..%2F..%2F.zattrs");

        await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task GetZarr_EncodedDotDot_StaysInsideImage()
    {
        // Kestrel resolves dot segments before routing, so ".." can only move within the route, never to another key.
        var response = await _host.Alice.GetAsync($"/image/{_image.Uuid}/zarr/0/0/%2E%2E/%2E%2E/.zattrs");

        Assert.Equal(Attributes, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetZarr_AnotherUsersImage_Is404()
    {
        await ApiAssert.ErrorAsync(await _host.Bob.GetAsync($"/image/{_image.Uuid}/zarr/.zattrs"), HttpStatusCode.NotFound, "not_found");
    }
}
