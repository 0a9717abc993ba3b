using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Minerva.Testing.Services;

namespace Minerva.Host.Tests.Api;

/// <summary>
/// Two users on every route: bob, naming alice's repository, import and image, gets 404 (422 where he names her
/// repository in a body), changes nothing of hers, and check-images never tells him what she holds.
/// </summary>
public sealed class IsolationTests(LocalServices services, ApiHostFixture fixture) : SharedApiHostTests(services, fixture)
{
    [Fact]
    public async Task EveryRoute_AnotherUsersUuids_IsNotFoundAndChangesNothing()
    {
        var host = Host;
        var (repository, import) = await host.CreateImportAsync();
        var source = RandomNumberGenerator.GetBytes(64);
        var image = await host.PutImageAsync(repository, source);
        var hash = Convert.ToBase64String(SHA256.HashData(source));
        var importBefore = await host.Records.GetImportAsync(host.AliceUser, import);
        var objectsBefore = await host.Objects.ListAsync("");
        var files = MultipartBody.Content(MultipartBody.Build(MultipartBody.File("p1", "bob.tif", [1, 2, 3])));

        var notFound = new (string Method, string Path, HttpContent? Body)[]
        {
            ("GET", $"/repository/{repository}", null),
            ("GET", $"/import?repository_uuid={repository}", null),
            ("GET", $"/import/{import}", null),
            ("GET", $"/import/{import}/credentials", null),
            ("GET", $"/import/{import}/filesets", null),
            ("GET", $"/import/{import}/orchestration", null),
            ("PUT", $"/import/{import}", new StringContent("""{"complete":true}""")),
            ("DELETE", $"/import/{import}", null),
            ("POST", $"/import/{import}/files", files),
            ("GET", $"/image/{image.Uuid}", null),
            ("GET", $"/image/{image.Uuid}/zarr/.zattrs", null),
        };
        foreach (var (method, path, body) in notFound)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body };
            await ApiAssert.ErrorAsync(await host.Bob.SendAsync(request), HttpStatusCode.NotFound, "not_found");
        }

        await ApiAssert.ErrorAsync(
            await host.Bob.PostAsJsonAsync("/import", new { name = "bob's", repository_uuid = repository }), HttpStatusCode.UnprocessableEntity, "unknown_repository");
        var bobsCheck = await ApiHost.ReadJsonAsync(await host.Bob.PostAsJsonAsync("/import/check-images", new[] { hash }));
        var alicesCheck = await ApiHost.ReadJsonAsync(await host.Alice.PostAsJsonAsync("/import/check-images", new[] { hash }));
        var bobsRepositories = await ApiHost.ReadJsonAsync(await host.Bob.GetAsync("/repository"));
        var bobsImports = await ApiHost.ReadJsonAsync(await host.Bob.GetAsync("/import"));

        Assert.Equal([hash], bobsCheck.EnumerateArray().Select(h => h.GetString()));
        Assert.Empty(alicesCheck.EnumerateArray());
        Assert.DoesNotContain(repository, bobsRepositories.EnumerateArray().Select(r => r.GetProperty("uuid").GetString()));
        Assert.DoesNotContain(import, bobsImports.EnumerateArray().Select(i => i.GetProperty("uuid").GetString()));
        Assert.Equal(importBefore, await host.Records.GetImportAsync(host.AliceUser, import));
        Assert.Equal(objectsBefore, await host.Objects.ListAsync(""));
        Assert.DoesNotContain(host.Workflow.Calls, c => c.Contains(import, StringComparison.Ordinal) && !c.StartsWith("start", StringComparison.Ordinal));
    }
}
