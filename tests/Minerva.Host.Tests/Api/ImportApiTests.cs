using System.Net;
using System.Net.Http.Json;
using Minerva.Service.Records;
using Minerva.Testing.Services;

namespace Minerva.Host.Tests.Api;

[Collection(LocalServices.Collection)]
public sealed class ImportApiTests(LocalServices services) : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(services);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PostImport_OwnRepository_Is201AwaitingUploadAndStartsOrchestration()
    {
        var (repository, _) = await _host.CreateImportAsync();

        var response = await _host.Alice.PostAsJsonAsync("/import", new { name = "Import 2", repository_uuid = repository });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await ApiHost.ReadJsonAsync(response);
        var uuid = body.GetProperty("uuid").GetString()!;
        Assert.Equal(("Import 2", repository, "AwaitingUpload"),
            (body.GetProperty("name").GetString(), body.GetProperty("repository_uuid").GetString(), body.GetProperty("status").GetString()));
        Assert.Equal(0, body.GetProperty("progress").GetProperty("percent").GetDouble());
        Assert.Equal(0, body.GetProperty("errors").GetArrayLength());
        Assert.Contains($"start {uuid}", _host.Workflow.Calls);
        var fetched = await ApiHost.ReadJsonAsync(await _host.Alice.GetAsync($"/import/{uuid}"));
        Assert.All(fetched.EnumerateObject(), field => Assert.Equal(field.Value.ToString(), body.GetProperty(field.Name).ToString()));
        Assert.Equal(uuid, body.GetProperty("id").GetString());
    }

    [Fact]
    public async Task GetImports_ByRepository_ListsOnlyThatRepositorysImportsOfTheCaller()
    {
        var (repository, first) = await _host.CreateImportAsync();
        var (_, elsewhere) = await _host.CreateImportAsync();
        var (bobsRepository, _) = await _host.CreateImportAsync(_host.Bob);

        var all = await ApiHost.ReadJsonAsync(await _host.Alice.GetAsync("/import"));
        var mine = await ApiHost.ReadJsonAsync(await _host.Alice.GetAsync($"/import?repository_uuid={repository}"));
        var bobs = await _host.Alice.GetAsync($"/import?repository_uuid={bobsRepository}");
        var malformed = await _host.Alice.GetAsync("/import?repository_uuid=nope");

        var allUuids = all.EnumerateArray().Select(i => i.GetProperty("uuid").GetString()).ToList();
        Assert.Contains(first, allUuids);
        Assert.Contains(elsewhere, allUuids);
        Assert.Equal([first], mine.EnumerateArray().Select(i => i.GetProperty("uuid").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, bobs.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task PostImport_AnotherUsersRepository_Is422()
    {
        var (bobsRepository, _) = await _host.CreateImportAsync(_host.Bob);

        var response = await _host.Alice.PostAsJsonAsync("/import", new { name = "i", repository_uuid = bobsRepository });

        await ApiAssert.ErrorAsync(response, HttpStatusCode.UnprocessableEntity, "unknown_repository");
    }

    [Theory]
    [InlineData("""{"repository_uuid":"123e4567-e89b-12d3-a456-426614174000"}""", "missing_field")]
    [InlineData("""{"name":"i"}""", "missing_field")]
    [InlineData("""{"name":"i","repository_uuid":7}""", "invalid_json")]
    public async Task PostImport_Malformed_Is400(string body, string code)
    {
        await ApiAssert.ErrorAsync(await _host.Alice.PostAsync("/import", new StringContent(body)), HttpStatusCode.BadRequest, code);
    }

    [Theory]
    [InlineData("""{"complete":true}""", "Ignore")]
    [InlineData("""{"complete":true,"on_conflict":"replace"}""", "Replace")]
    [InlineData("""{"complete":true,"on_conflict":"rename"}""", "Rename")]
    public async Task PutImport_Complete_Is202WithLocationAndRaisesEvent(string body, string onConflict)
    {
        var (_, import) = await _host.CreateImportAsync();

        var response = await _host.Alice.PutAsync($"/import/{import}", new StringContent(body));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/import/{import}", response.Headers.Location?.OriginalString);
        Assert.Contains($"complete {import} {onConflict}", _host.Workflow.Calls);
    }

    [Theory]
    [InlineData("""{"complete":false}""", "invalid_field")]
    [InlineData("""{}""", "invalid_field")]
    [InlineData("""{"complete":"yes"}""", "invalid_json")]
    [InlineData("""{"complete":true,"on_conflict":"merge"}""", "invalid_field")]
    public async Task PutImport_NotCompleteTrue_Is400(string body, string code)
    {
        var (_, import) = await _host.CreateImportAsync();

        await ApiAssert.ErrorAsync(await _host.Alice.PutAsync($"/import/{import}", new StringContent(body)), HttpStatusCode.BadRequest, code);
        Assert.DoesNotContain(_host.Workflow.Calls, c => c.StartsWith("complete", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ImportStatus.Processing)]
    [InlineData(ImportStatus.Complete)]
    [InlineData(ImportStatus.Expired)]
    public async Task PutImportAndCredentials_NotAwaitingUpload_Is409(ImportStatus status)
    {
        var import = await CreateImportInStatusAsync(status);

        await ApiAssert.ErrorAsync(
            await _host.Alice.PutAsync($"/import/{import}", new StringContent("""{"complete":true}""")), HttpStatusCode.Conflict, "wrong_state");
        await ApiAssert.ErrorAsync(await _host.Alice.GetAsync($"/import/{import}/credentials"), HttpStatusCode.Conflict, "wrong_state");
    }

    [Fact]
    public async Task GetImport_Progress_ReportsPercentOfRegions()
    {
        var import = await CreateImportInStatusAsync(ImportStatus.Processing, new ImportProgress(2, 1, 8, 2));

        var body = await ApiHost.ReadJsonAsync(await _host.Alice.GetAsync($"/import/{import}"));

        var progress = body.GetProperty("progress");
        Assert.Equal((2, 1, 8, 2, 25.0), (
            progress.GetProperty("files_total").GetInt32(),
            progress.GetProperty("files_done").GetInt32(),
            progress.GetProperty("regions_total").GetInt64(),
            progress.GetProperty("regions_done").GetInt64(),
            progress.GetProperty("percent").GetDouble()));
    }

    [Fact]
    public async Task GetOrchestration_Started_AnswersDurableStatusNames()
    {
        var (_, import) = await _host.CreateImportAsync();

        var body = await ApiHost.ReadJsonAsync(await _host.Alice.GetAsync($"/import/{import}/orchestration"));

        Assert.Equal((import, "Running"), (body.GetProperty("instanceId").GetString(), body.GetProperty("runtimeStatus").GetString()));
        Assert.Equal("AwaitingUpload", body.GetProperty("customStatus").GetProperty("stage").GetString());
        foreach (var name in new[] { "createdTime", "lastUpdatedTime", "output", "subOrchestrations" })
        {
            Assert.True(body.TryGetProperty(name, out _), name);
        }
    }

    [Fact]
    public async Task GetOrchestration_NoneStarted_Is404()
    {
        var (repository, _) = await _host.CreateImportAsync();
        var import = Guid.NewGuid().ToString();
        await _host.Records.PutImportAsync(new ImportRecord(
            import, _host.AliceUser, repository, "never started", ImportStatus.AwaitingUpload, ImportProgress.None, [], DateTimeOffset.UtcNow, DateTimeOffset.UtcNow));

        await ApiAssert.ErrorAsync(await _host.Alice.GetAsync($"/import/{import}/orchestration"), HttpStatusCode.NotFound, "not_found");
    }

    private async Task<string> CreateImportInStatusAsync(ImportStatus status, ImportProgress? progress = null)
    {
        var (_, import) = await _host.CreateImportAsync();
        await _host.MoveImportAsync(import, status, progress);
        return import;
    }
}
