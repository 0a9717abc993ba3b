using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Minerva.Testing.Services;

namespace Minerva.Host.Tests.Api;

[Collection(LocalServices.Collection)]
public sealed class CheckImagesApiTests(LocalServices services) : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(services);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task CheckImages_OneHeld_AnswersTheOthersInCallersSpelling()
    {
        var (repository, _) = await _host.CreateImportAsync();
        var held = SHA256.HashData("held"u8);
        await _host.Records.PutHashAsync(repository, Convert.ToHexStringLower(held), [Guid.NewGuid().ToString()]);
        string[] asked = [Convert.ToBase64String(held), Convert.ToBase64String(SHA256.HashData("new"u8)), Convert.ToBase64String(SHA256.HashData("other"u8))];

        var missing = await _host.Alice.PostAsJsonAsync("/import/check-images", asked);
        var missingForBob = await _host.Bob.PostAsJsonAsync("/import/check-images", asked);

        Assert.Equal(asked[1..], await missing.Content.ReadFromJsonAsync<string[]>());
        Assert.Equal(asked, await missingForBob.Content.ReadFromJsonAsync<string[]>());
    }

    [Fact]
    public async Task CheckImages_Empty_AnswersEmpty()
    {
        var response = await _host.Alice.PostAsJsonAsync("/import/check-images", Array.Empty<string>());

        Assert.Empty(await response.Content.ReadFromJsonAsync<string[]>() ?? ["no body"]);
    }

    [Theory]
    [InlineData("""["not base64!"]""", "invalid_hash")]
    [InlineData("""["AAAA"]""", "invalid_hash")]
    [InlineData("""{"hashes":[]}""", "invalid_json")]
    [InlineData("""[1]""", "invalid_json")]
    public async Task CheckImages_Malformed_Is400(string body, string code)
    {
        await ApiAssert.ErrorAsync(await _host.Alice.PostAsync("/import/check-images", new StringContent(body)), HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task CheckImages_TooMany_Is413()
    {
        var hashes = Enumerable.Range(0, 1001).Select(i => Convert.ToBase64String(SHA256.HashData(BitConverter.GetBytes(i)))).ToArray();

        await ApiAssert.ErrorAsync(await _host.Alice.PostAsJsonAsync("/import/check-images", hashes), HttpStatusCode.RequestEntityTooLarge, "too_many_hashes");
    }
}
