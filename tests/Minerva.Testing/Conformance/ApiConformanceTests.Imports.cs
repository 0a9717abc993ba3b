using System.Net;
using Xunit;

namespace Minerva.Testing.Conformance;

public abstract partial class ApiConformanceTests
{
    [Fact]
    public async Task PostImport_OwnRepository_Is201WithTheDurableManagementLinks()
    {
        var repository = await CreateRepositoryAsync(Alice);

        var created = (await Alice.PostJsonAsync("/import", new { name = "Import 1", repository_uuid = repository })).Expect(HttpStatusCode.Created);

        var uuid = created.Json.GetProperty("uuid").GetString()!;
        Assert.Equal(ImportFields.Concat(LinkFields), created.Fields);
        Assert.Equal(("AwaitingUpload", repository), (created.Json.GetProperty("status").GetString(), created.Json.GetProperty("repository_uuid").GetString()));
        Assert.Equal($"/import/{uuid}", created.Headers.Location?.OriginalString);
        var status = new Uri(BaseAddress, $"durabletask/instances/{uuid}").ToString();
        Assert.Equal(
            [uuid, status, status + "/raiseEvent/{eventName}", status + "/terminate?reason={text}", status, status + "/restart", status + "/suspend?reason={text}", status + "/resume?reason={text}"],
            LinkFields.Select(link => Link(created.Json, link)));
        var fetched = (await Alice.GetAsync($"/import/{uuid}")).Expect(HttpStatusCode.OK);
        Assert.Equal(ImportFields, fetched.Fields);
        Assert.All(ImportFields, field => Assert.Equal(created.Json.GetProperty(field).ToString(), fetched.Json.GetProperty(field).ToString()));
    }

    [Fact]
    public async Task PostImport_AnotherUsersRepository_Is422()
    {
        var bobs = await CreateRepositoryAsync(Bob);

        (await Alice.PostJsonAsync("/import", new { name = "i", repository_uuid = bobs })).ExpectError(HttpStatusCode.UnprocessableEntity, "unknown_repository");
    }

    [Fact]
    public async Task GetImports_ByRepository_ListsThatRepositorysImportsOfTheCaller()
    {
        var first = await CreateImportAsync(Alice);
        var repository = first.GetProperty("repository_uuid").GetString()!;

        var mine = (await Alice.GetAsync($"/import?repository_uuid={repository}")).Expect(HttpStatusCode.OK);

        Assert.Equal([first.GetProperty("uuid").GetString()], mine.Json.EnumerateArray().Select(i => i.GetProperty("uuid").GetString()));
        Assert.Equal(ImportFields, mine.Json[0].EnumerateObject().Select(p => p.Name));
        (await Bob.GetAsync($"/import?repository_uuid={repository}")).ExpectError(HttpStatusCode.NotFound, "not_found");
        (await Alice.GetAsync("/import?repository_uuid=nope")).ExpectError(HttpStatusCode.BadRequest, "invalid_uuid");
    }

    [Fact]
    public async Task GetCredentials_AwaitingUpload_AreLimitedToTheImportsPrefix()
    {
        var import = (await CreateImportAsync(Alice)).GetProperty("uuid").GetString()!;

        var credentials = (await Alice.GetAsync($"/import/{import}/credentials")).Expect(HttpStatusCode.OK);

        Assert.Equal(["access_key_id", "secret_access_key", "session_token", "expiration", "bucket", "key_prefix", "region", "endpoint"], credentials.Fields);
        Assert.Equal($"imports/{import}/", credentials.Json.GetProperty("key_prefix").GetString());
        (await Bob.GetAsync($"/import/{import}/credentials")).ExpectError(HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("""{"complete":false}""", "invalid_field")]
    [InlineData("""{"complete":true,"on_conflict":"merge"}""", "invalid_field")]
    [InlineData("""{"complete":"yes"}""", "invalid_json")]
    public async Task PutImport_NotCompleteTrue_Is400(string body, string code)
    {
        var import = (await CreateImportAsync(Alice)).GetProperty("uuid").GetString()!;

        var answer = await Alice.SendAsync(HttpMethod.Put, $"/import/{import}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        answer.ExpectError(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task DeleteImport_AwaitingUpload_CancelsItAndTerminatesItsOrchestration()
    {
        var (created, import, _) = await RunningImportAsync(Alice);
        (await Bob.DeleteAsync($"/import/{import}")).ExpectError(HttpStatusCode.NotFound, "not_found");

        var cancelled = (await Alice.DeleteAsync($"/import/{import}")).Expect(HttpStatusCode.Accepted);

        Assert.Equal("Cancelled", cancelled.Json.GetProperty("status").GetString());
        var (_, final) = await CompletedImport.FollowAsync(Alice, Link(created, "statusQueryGetUri"));
        Assert.Equal("Terminated", final.Expect(HttpStatusCode.OK).Json.GetProperty("runtimeStatus").GetString());
        (await Alice.DeleteAsync($"/import/{import}")).ExpectError(HttpStatusCode.Conflict, "wrong_state");
        (await Alice.GetAsync($"/import/{import}/credentials")).ExpectError(HttpStatusCode.Conflict, "wrong_state");
    }
}
