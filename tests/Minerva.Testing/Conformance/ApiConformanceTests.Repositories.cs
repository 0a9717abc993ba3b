using System.Net;
using Xunit;

namespace Minerva.Testing.Conformance;

public abstract partial class ApiConformanceTests
{
    [Fact]
    public async Task PostRepository_Valid_Is201ListedAndFetched()
    {
        var created = (await Alice.PostJsonAsync("/repository", new { name = "Lab A", raw_storage = "Archive" })).Expect(HttpStatusCode.Created);
        var uuid = created.Json.GetProperty("uuid").GetString()!;

        Assert.Equal(["uuid", "name", "raw_storage", "created"], created.Fields);
        Assert.Equal(("Lab A", "Archive"), (created.Json.GetProperty("name").GetString(), created.Json.GetProperty("raw_storage").GetString()));
        Assert.Equal($"/repository/{uuid}", created.Headers.Location?.OriginalString);
        Assert.Equal(created.Text, (await Alice.GetAsync($"/repository/{uuid}")).Expect(HttpStatusCode.OK).Text);
        Assert.Contains(uuid, (await Alice.GetAsync("/repository")).Expect(HttpStatusCode.OK).Json.EnumerateArray().Select(r => r.GetProperty("uuid").GetString()));
        Assert.DoesNotContain(uuid, (await Bob.GetAsync("/repository")).Expect(HttpStatusCode.OK).Json.EnumerateArray().Select(r => r.GetProperty("uuid").GetString()));
        (await Bob.GetAsync($"/repository/{uuid}")).ExpectError(HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("""{"name":"r","raw_storage":"Glacier"}""", "invalid_field")]
    [InlineData("""{"raw_storage":"Live"}""", "missing_field")]
    [InlineData("""{"name":"r",""", "invalid_json")]
    public async Task PostRepository_Malformed_Is400(string body, string code)
    {
        var answer = await Alice.SendAsync(HttpMethod.Post, "/repository", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        answer.ExpectError(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task GetRepository_NotAUuid_Is400() =>
        (await Alice.GetAsync("/repository/not-a-uuid")).ExpectError(HttpStatusCode.BadRequest, "invalid_uuid");
}
