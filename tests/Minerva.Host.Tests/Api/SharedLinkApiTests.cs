using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Minerva.Service.Api;
using Minerva.Service.Configuration;
using Minerva.Service.Records;
using Minerva.Testing.Services;

namespace Minerva.Host.Tests.Api;

/// <summary>An image's signed links (zarr_url, viewer_url) opened without the API key, from the real host and S3.</summary>
[Collection(LocalServices.Collection)]
public sealed partial class SharedLinkApiTests(LocalServices services) : IAsyncLifetime
{
    private const string Attributes = """{"multiscales":[{"version":"0.4"}]}""";
    private const string Chunk = "0/0/0/0/0/0";
    private readonly byte[] _chunk = [.. Enumerable.Range(0, 1000).Select(i => (byte)(i * 3))];
    private ApiHost _host = null!;
    private ImageRecord _image = null!;
    private string _zarrUrl = "";
    private string _viewerUrl = "";

    public async Task InitializeAsync()
    {
        _host = await ApiHost.StartAsync(services);
        _image = await PutImageAsync(_host.AliceUser);
        var body = await ApiHost.ReadJsonAsync(await _host.Alice.GetAsync($"/image/{_image.Uuid}"));
        (_zarrUrl, _viewerUrl) = (body.GetProperty("zarr_url").GetString()!, body.GetProperty("viewer_url").GetString()!);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void GetImage_Own_AnswersAbsoluteLinksOnTheRequestsAddress()
    {
        var prefix = $"{_host.BaseAddress.ToString().TrimEnd('/')}/shared/{_image.Uuid}/";

        Assert.StartsWith(prefix, _zarrUrl);
        Assert.EndsWith("/zarr/", _zarrUrl);
        Assert.Equal(_zarrUrl[..^"zarr/".Length] + "view", _viewerUrl);
    }

    [Fact]
    public async Task ZarrUrl_Metadata_OpensWithoutKeyForAnyOrigin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _zarrUrl + ".zattrs");
        request.Headers.Add("Origin", "https://hms-dbmi.github.io");

        var response = await _host.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Attributes, await response.Content.ReadAsStringAsync());
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("public, max-age=60", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task ZarrUrl_Chunk_HasETagAndCachesForTheLinksLifetime()
    {
        var response = await _host.Anonymous.GetAsync(_zarrUrl + Chunk);

        Assert.Equal(_chunk, await response.Content.ReadAsByteArrayAsync());
        Assert.NotNull(response.Headers.ETag);
        Assert.Contains("immutable", response.Headers.CacheControl?.Extensions.Select(e => e.Name) ?? []);
        Assert.InRange(response.Headers.CacheControl?.MaxAge?.TotalDays ?? 0, 6.9, 7.1);
        Assert.Contains("ETag", Header(response, "Access-Control-Expose-Headers"));

        using var again = new HttpRequestMessage(HttpMethod.Get, _zarrUrl + Chunk);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await _host.Anonymous.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task ZarrUrl_RangeAndHead_AnswerAsTheKeyedRoute()
    {
        using var range = new HttpRequestMessage(HttpMethod.Get, _zarrUrl + Chunk);
        range.Headers.Range = new RangeHeaderValue(100, 199);
        using var head = new HttpRequestMessage(HttpMethod.Head, _zarrUrl + Chunk);

        var partial = await _host.Anonymous.SendAsync(range);
        var headers = await _host.Anonymous.SendAsync(head);

        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(_chunk[100..200], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal("*", Header(partial, "Access-Control-Allow-Origin"));
        Assert.Equal((HttpStatusCode.OK, 1000L), (headers.StatusCode, headers.Content.Headers.ContentLength));
        Assert.Empty(await headers.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ZarrUrl_PreflightForRange_AllowsAnyOrigin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, _zarrUrl + Chunk);
        request.Headers.Add("Origin", "https://neuroglancer-demo.appspot.com");
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "range");

        var response = await _host.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("GET", Header(response, "Access-Control-Allow-Methods"));
        Assert.Equal("range", Header(response, "Access-Control-Allow-Headers"));
    }

    [Fact]
    public async Task ZarrUrl_AbsentChunk_Is404WithCorsAndAbsentAttributesAreEmpty()
    {
        var absent = await _host.Anonymous.GetAsync(_zarrUrl + "0/0/0/0/9/9");
        var attributes = await _host.Anonymous.GetAsync(_zarrUrl + "0/.zattrs");

        await ApiAssert.ErrorAsync(absent, HttpStatusCode.NotFound, "not_found");
        Assert.Equal("*", Header(absent, "Access-Control-Allow-Origin"));
        Assert.Equal("{}", await attributes.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Link_Expired_Is403()
    {
        var links = _host.Services.GetRequiredService<ImageLinks>();
        var expired = links.Token(_image.Uuid, _host.AliceUser, DateTimeOffset.UtcNow.AddSeconds(-5));

        var response = await _host.Anonymous.GetAsync($"/shared/{_image.Uuid}/{expired}/zarr/.zattrs");

        await ApiAssert.ErrorAsync(response, HttpStatusCode.Forbidden, "link_expired");
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("signature")]
    [InlineData("expiry")]
    [InlineData("owner")]
    public async Task Link_Altered_Is403(string part)
    {
        var match = TokenPattern().Match(_zarrUrl);
        var (expiry, owner, signature) = (match.Groups["expiry"].Value, match.Groups["owner"].Value, match.Groups["signature"].Value);
        var altered = part switch
        {
            "signature" => $"{expiry}.{owner}.{(signature[0] == 'A' ? 'B' : 'A')}{signature[1..]}",
            "expiry" => $"{long.Parse(expiry) + 86400}.{owner}.{signature}",
            _ => $"{expiry}.{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(_host.AliceUser + "x")).TrimEnd('=')}.{signature}",
        };

        var zarr = await _host.Anonymous.GetAsync($"/shared/{_image.Uuid}/{altered}/zarr/.zattrs");
        var viewer = await _host.Anonymous.GetAsync($"/shared/{_image.Uuid}/{altered}/view");

        await ApiAssert.ErrorAsync(zarr, HttpStatusCode.Forbidden, "invalid_link");
        await ApiAssert.ErrorAsync(viewer, HttpStatusCode.Forbidden, "invalid_link");
    }

    [Fact]
    public async Task Link_AnotherUsersUuidPutIn_Is403()
    {
        var bobs = await PutImageAsync(BobUser);

        var response = await _host.Anonymous.GetAsync(_zarrUrl.Replace(_image.Uuid, bobs.Uuid, StringComparison.Ordinal) + ".zattrs");

        await ApiAssert.ErrorAsync(response, HttpStatusCode.Forbidden, "invalid_link");
    }

    [Fact]
    public async Task Link_ImageRemoved_Is404()
    {
        var image = await PutImageAsync(_host.AliceUser);
        var zarrUrl = (await ApiHost.ReadJsonAsync(await _host.Alice.GetAsync($"/image/{image.Uuid}"))).GetProperty("zarr_url").GetString()!;
        await _host.Records.DeleteImageAsync(image);

        await ApiAssert.ErrorAsync(await _host.Anonymous.GetAsync(zarrUrl + ".zattrs"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task ViewerUrl_OpensThePageWithItsOwnZarrUrlAndServedAssets()
    {
        var response = await _host.Anonymous.GetAsync(_viewerUrl);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<base href=\"{_host.BaseAddress}viewer/\">", page);
        Assert.Contains($"\"zarr_url\":\"{_zarrUrl}\"", page);
        Assert.Contains("\"name\":\"image \\u003C0\\u003E\"", page);
        var script = ScriptPattern().Match(page).Groups["path"].Value;
        var asset = await _host.Anonymous.GetAsync($"/viewer/{script}");
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("text/javascript", asset.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", asset.Headers.CacheControl?.Extensions.Select(e => e.Name) ?? []);
        await ApiAssert.ErrorAsync(await _host.Anonymous.GetAsync("/viewer/assets/none.js"), HttpStatusCode.NotFound, "not_found");
    }

    private async Task<ImageRecord> PutImageAsync(string owner)
    {
        var image = new ImageRecord(
            Guid.NewGuid().ToString(), owner, Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), "image <0>", 0, $"images/{Guid.NewGuid()}/0", 1,
            [1, 1, 1, 30, 40], "uint8", [new ChannelRecord("DAPI", "0000FF")], new string('e', 64), DateTimeOffset.UtcNow);
        await _host.Records.PutImageAsync(image);
        var zarr = _host.Objects.ChunkStore(image.Location + "/");
        await zarr.WriteAsync(".zattrs", System.Text.Encoding.UTF8.GetBytes(Attributes));
        await zarr.WriteAsync(Chunk, _chunk);
        return image;
    }

    private string BobUser => _host.Services.GetRequiredService<IOptions<MinervaOptions>>().Value.ApiKeys[ApiHost.BobKey];

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "";

    [GeneratedRegex(@"/shared/[0-9a-f-]+/(?<expiry>\d+)\.(?<owner>[^./]+)\.(?<signature>[^./]+)/zarr/$")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("src=\"\\./(?<path>assets/[^\"]+\\.js)\"")]
    private static partial Regex ScriptPattern();
}
