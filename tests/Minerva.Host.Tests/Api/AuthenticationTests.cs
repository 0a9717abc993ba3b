using System.Net;
using Minerva.Testing.Services;

namespace Minerva.Host.Tests.Api;

[Collection(LocalServices.Collection)]
public sealed class AuthenticationTests(LocalServices services) : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(services);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("GET", "/repository")]
    [InlineData("POST", "/repository")]
    [InlineData("POST", "/import")]
    [InlineData("GET", "/import/123e4567-e89b-12d3-a456-426614174000")]
    [InlineData("PUT", "/import/123e4567-e89b-12d3-a456-426614174000")]
    [InlineData("DELETE", "/import/123e4567-e89b-12d3-a456-426614174000")]
    [InlineData("GET", "/import/123e4567-e89b-12d3-a456-426614174000/credentials")]
    [InlineData("GET", "/import/123e4567-e89b-12d3-a456-426614174000/filesets")]
    [InlineData("GET", "/import/123e4567-e89b-12d3-a456-426614174000/orchestration")]
    [InlineData("POST", "/import/123e4567-e89b-12d3-a456-426614174000/files")]
    [InlineData("POST", "/import/check-images")]
    [InlineData("GET", "/image/123e4567-e89b-12d3-a456-426614174000")]
    [InlineData("GET", "/image/123e4567-e89b-12d3-a456-426614174000/zarr/.zattrs")]
    public async Task AnyRoute_NoApiKey_Is401(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}") };

        await ApiAssert.ErrorAsync(await _host.Anonymous.SendAsync(request), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task AnyRoute_UnknownApiKey_Is401()
    {
        using var stranger = _host.Client("not-a-key");

        await ApiAssert.ErrorAsync(await stranger.GetAsync("/repository"), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task UnknownRoute_Is404Json()
    {
        await ApiAssert.ErrorAsync(await _host.Alice.GetAsync("/no/such/route"), HttpStatusCode.NotFound, "no_route");
    }

    [Theory]
    [InlineData("/repository/{0}")]
    [InlineData("/import/{1}")]
    [InlineData("/import/{1}/filesets")]
    [InlineData("/import/{1}/credentials")]
    [InlineData("/import/{1}/orchestration")]
    public async Task Get_AnotherUsersUuid_Is404(string template)
    {
        var (repository, import) = await _host.CreateImportAsync();
        var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, repository, import);

        await ApiAssert.ErrorAsync(await _host.Bob.GetAsync(path), HttpStatusCode.NotFound, "not_found");
        Assert.Equal(HttpStatusCode.OK, (await _host.Alice.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task PutAndDelete_AnotherUsersImport_Is404AndLeavesItAlone()
    {
        var (_, import) = await _host.CreateImportAsync();

        await ApiAssert.ErrorAsync(
            await _host.Bob.PutAsync($"/import/{import}", new StringContent("""{"complete":true}""")), HttpStatusCode.NotFound, "not_found");
        await ApiAssert.ErrorAsync(await _host.Bob.DeleteAsync($"/import/{import}"), HttpStatusCode.NotFound, "not_found");

        Assert.DoesNotContain(_host.Workflow.Calls, c => c.StartsWith("complete", StringComparison.Ordinal) || c.StartsWith("terminate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListRepositories_TwoUsers_EachSeesOnlyTheirOwn()
    {
        var (aliceRepository, _) = await _host.CreateImportAsync(_host.Alice);
        var (bobRepository, _) = await _host.CreateImportAsync(_host.Bob);

        var alices = await ApiHost.ReadJsonAsync(await _host.Alice.GetAsync("/repository"));
        var bobs = await ApiHost.ReadJsonAsync(await _host.Bob.GetAsync("/repository"));

        Assert.Contains(aliceRepository, alices.EnumerateArray().Select(r => r.GetProperty("uuid").GetString()));
        Assert.DoesNotContain(bobRepository, alices.EnumerateArray().Select(r => r.GetProperty("uuid").GetString()));
        Assert.Equal([bobRepository], bobs.EnumerateArray().Select(r => r.GetProperty("uuid").GetString()));
    }
}
