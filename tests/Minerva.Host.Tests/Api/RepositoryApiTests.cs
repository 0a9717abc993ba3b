using System.Net;
using System.Net.Http.Json;
using Minerva.Testing.Services;

namespace Minerva.Host.Tests.Api;

[Collection(LocalServices.Collection)]
public sealed class RepositoryApiTests(LocalServices services) : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(services);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("Destroy")]
    [InlineData("Archive")]
    [InlineData("Live")]
    public async Task PostRepository_Valid_Is201WithSnakeCaseRepository(string rawStorage)
    {
        var response = await _host.Alice.PostAsJsonAsync("/repository", new { name = "Repository 1", raw_storage = rawStorage });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await ApiHost.ReadJsonAsync(response);
        var uuid = body.GetProperty("uuid").GetString()!;
        Assert.Equal(Guid.Parse(uuid).ToString(), uuid);
        Assert.Equal(("Repository 1", rawStorage), (body.GetProperty("name").GetString(), body.GetProperty("raw_storage").GetString()));
        Assert.True(body.TryGetProperty("created", out _));
        Assert.Equal($"/repository/{uuid}", response.Headers.Location?.OriginalString);
        var read = await ApiHost.ReadJsonAsync(await _host.Alice.GetAsync($"/repository/{uuid}"));
        Assert.Equal(body.ToString(), read.ToString());
    }

    [Theory]
    [InlineData("""{"name":"r","raw_storage":"Shred"}""", "invalid_field")]
    [InlineData("""{"name":"r","raw_storage":"1"}""", "invalid_field")]
    [InlineData("""{"raw_storage":"Live"}""", "missing_field")]
    [InlineData("""{"name":"  ","raw_storage":"Live"}""", "missing_field")]
    [InlineData("""{"name":"r"}""", "invalid_field")]
    [InlineData("""{"name":5,"raw_storage":"Live"}""", "invalid_json")]
    [InlineData("""{"name":"r",""", "invalid_json")]
    [InlineData("""[]""", "invalid_json")]
    [InlineData("null", "invalid_json")]
    [InlineData("", "invalid_json")]
    public async Task PostRepository_Malformed_Is400(string body, string code)
    {
        var response = await _host.Alice.PostAsync("/repository", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ApiAssert.ErrorAsync(response, HttpStatusCode.BadRequest, code);
    }

    [Theory]
    [InlineData("/repository/not-a-uuid")]
    [InlineData("/import/123")]
    [InlineData("/image/123E4567E89B12D3A456426614174000")]
    public async Task Get_MalformedUuid_Is400(string path)
    {
        await ApiAssert.ErrorAsync(await _host.Alice.GetAsync(path), HttpStatusCode.BadRequest, "invalid_uuid");
    }

    [Fact]
    public async Task GetRepository_Unknown_Is404()
    {
        await ApiAssert.ErrorAsync(await _host.Alice.GetAsync($"/repository/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "not_found");
    }
}
