using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Minerva.Service.Records;
using Minerva.Service.Storage;
using Minerva.Testing.Services;

namespace Minerva.Host.Tests.Api;

/// <summary>POST /import/{uuid}/files: the content-addressed multi-file upload of the seed API.</summary>
[Collection(LocalServices.Collection)]
public sealed class FilesApiTests(LocalServices services) : IAsyncLifetime
{
    private ApiHost _host = null!;
    private string _repository = "";
    private string _import = "";

    public async Task InitializeAsync()
    {
        _host = await ApiHost.StartAsync(services);
        (_repository, _import) = await _host.CreateImportAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PostFiles_ContentWithAndWithoutHash_StoresEachUnderPrefix()
    {
        var first = Bytes(1000, 1);
        var second = Bytes((40 * 1024 * 1024) + 3, 2); // above Kestrel's default 30 MB body limit: streamed, not refused
        using var form = new MultipartFormDataContent
        {
            { Json(new { id = "/scans/first image.ome.tif", hash = Base64Sha(first), type = "image", format = "ome-tiff" }), "p1" },
            { new ByteArrayContent(first), "p1-file", "first.ome.tif" },
            { Json(new { id = "second.tif", type = "image" }), "p2" },
            { new ByteArrayContent(second), "p2-file", "second.tif" },
        };

        var results = await PostAsync(form);

        Assert.Equal(("/scans/first image.ome.tif", $"imports/{_import}/scans/first image.ome.tif", Base64Sha(first), 0), Summary(results[0]));
        Assert.Equal(("second.tif", $"imports/{_import}/second.tif", Base64Sha(second), 0), Summary(results[1]));
        Assert.Equal(
            [($"imports/{_import}/scans/first image.ome.tif", (long)first.Length), ($"imports/{_import}/second.tif", second.Length)],
            (await _host.Objects.ListAsync($"imports/{_import}/")).Select(o => (o.Key, o.Size)));
    }

    [Fact]
    public async Task PostFiles_HashMismatch_ReportsErrorAndStoresNothingForIt()
    {
        var content = Bytes(5000, 3);
        var wrong = Base64Sha(Bytes(10, 4));
        using var form = new MultipartFormDataContent
        {
            { Json(new { id = "bad.tif", hash = wrong, type = "image" }), "p1" },
            { new ByteArrayContent(content), "p1-file", "bad.tif" },
        };

        var result = Assert.Single(await PostAsync(form));

        Assert.Equal(("bad.tif", (string?)null, wrong), (result.GetProperty("id").GetString(), result.GetProperty("fileId").GetString(), result.GetProperty("hash").GetString()));
        Assert.Contains(Base64Sha(content), Assert.Single(result.GetProperty("errors").EnumerateArray()).GetString());
        Assert.Empty(await _host.Objects.ListAsync($"imports/{_import}/"));
    }

    [Fact]
    public async Task PostFiles_HashHeldByRepository_NeedsNoContentAndLinksImages()
    {
        var held = Bytes(300, 5);
        var image = new ImageRecord(
            Guid.NewGuid().ToString(), _host.AliceUser, _repository, Guid.NewGuid().ToString(), "held", 0, $"images/{Guid.NewGuid()}/", 2,
            [1, 1, 1, 10, 10], "uint16", [new ChannelRecord("DNA", "0000FF")], Convert.ToHexStringLower(SHA256.HashData(held)), DateTimeOffset.UtcNow);
        await _host.Records.PutImageAsync(image);
        await _host.Records.PutHashAsync(_repository, image.Sha256, [image.Uuid]);
        using var form = new MultipartFormDataContent { { Json(new { id = "/held.tif", hash = Base64Sha(held), type = "image" }), "p1" } };

        var result = Assert.Single(await PostAsync(form));

        Assert.Equal(("/held.tif", null, Base64Sha(held), 0), Summary(result));
        Assert.Empty(await _host.Objects.ListAsync($"imports/{_import}/"));
        var fileset = Assert.Single((await ApiHost.ReadJsonAsync(await _host.Alice.GetAsync($"/import/{_import}/filesets"))).EnumerateArray());
        Assert.True(fileset.GetProperty("complete").GetBoolean());
        Assert.Equal(image.Uuid, Assert.Single(fileset.GetProperty("images").EnumerateArray()).GetProperty("uuid").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=")]
    public async Task PostFiles_NoContentAndHashNotHeld_ReportsMissingContent(string? hash)
    {
        using var form = new MultipartFormDataContent { { Json(new { id = "lost.tif", hash, type = "image" }), "p1" } };

        var result = Assert.Single(await PostAsync(form));

        Assert.Contains("p1-file", Assert.Single(result.GetProperty("errors").EnumerateArray()).GetString());
    }

    [Theory]
    [InlineData("../escape.tif")]
    [InlineData("/")]
    public async Task PostFiles_UnusableId_ReportsErrorAndStoresNothing(string id)
    {
        using var form = new MultipartFormDataContent
        {
            { Json(new { id, type = "image" }), "p1" },
            { new ByteArrayContent(Bytes(10, 6)), "p1-file", "x.tif" },
        };

        var result = Assert.Single(await PostAsync(form));

        Assert.Single(result.GetProperty("errors").EnumerateArray());
        Assert.Empty(await _host.Objects.ListAsync(""));
    }

    [Fact]
    public async Task PostFiles_MoreThan100Files_Is413AndKeepsNothing()
    {
        using var form = new MultipartFormDataContent();
        for (var i = 0; i <= 100; i++)
        {
            form.Add(Json(new { id = $"f{i}.tif", type = "image" }), $"p{i}");
            form.Add(new ByteArrayContent([(byte)i]), $"p{i}-file", $"f{i}.tif");
        }

        var response = await _host.Alice.PostAsync($"/import/{_import}/files", form);

        await ApiAssert.ErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "too_many_files");
        Assert.Empty(await _host.Objects.ListAsync($"imports/{_import}/"));
    }

    [Fact]
    public async Task PostFiles_MalformedDescriptionAfterStoredFile_Is400AndKeepsNothing()
    {
        using var form = new MultipartFormDataContent
        {
            { Json(new { id = "ok.tif", type = "image" }), "p1" },
            { new ByteArrayContent(Bytes(10, 7)), "p1-file", "ok.tif" },
            { new StringContent("{not json"), "p2" },
        };

        await ApiAssert.ErrorAsync(await _host.Alice.PostAsync($"/import/{_import}/files", form), HttpStatusCode.BadRequest, "invalid_part");
        Assert.Empty(await _host.Objects.ListAsync($"imports/{_import}/"));
    }

    [Theory]
    [InlineData("""{"type":"image"}""", "missing_field")]
    [InlineData("""{"id":"a.tif"}""", "missing_field")]
    [InlineData("""{"id":"a.tif","type":"image","hash":"not base64!"}""", "invalid_hash")]
    [InlineData("""{"id":"a.tif","type":"image","hash":"AAAA"}""", "invalid_hash")]
    public async Task PostFiles_InvalidDescription_Is400(string description, string code)
    {
        using var form = new MultipartFormDataContent { { new StringContent(description), "p1" } };

        await ApiAssert.ErrorAsync(await _host.Alice.PostAsync($"/import/{_import}/files", form), HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task PostFiles_NotMultipart_Is400()
    {
        var response = await _host.Alice.PostAsync($"/import/{_import}/files", new StringContent("""[{"id":"a"}]""", null, "application/json"));

        await ApiAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "not_multipart");
    }

    [Fact]
    public async Task PostFiles_ImportProcessing_Is409()
    {
        await _host.MoveImportAsync(_import, ImportStatus.Processing);
        using var form = new MultipartFormDataContent { { Json(new { id = "a.tif", type = "image" }), "p1" } };

        await ApiAssert.ErrorAsync(await _host.Alice.PostAsync($"/import/{_import}/files", form), HttpStatusCode.Conflict, "wrong_state");
    }

    private async Task<JsonElement[]> PostAsync(MultipartFormDataContent form)
    {
        var body = await ApiHost.ReadJsonAsync(await _host.Alice.PostAsync($"/import/{_import}/files", form));
        return [.. body.EnumerateArray()];
    }

    private static (string?, string?, string?, int) Summary(JsonElement result) => (
        result.GetProperty("id").GetString(),
        result.GetProperty("fileId").GetString(),
        result.GetProperty("hash").GetString(),
        result.GetProperty("errors").GetArrayLength());

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), null, MediaTypeHeaderValue.Parse("application/json"));

    private static string Base64Sha(byte[] bytes) => Convert.ToBase64String(SHA256.HashData(bytes));

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
