using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Minerva.Testing.Services;
using Xunit;
using Xunit.Abstractions;

namespace Minerva.Testing.Conformance;

/// <summary>
/// The API table of the README, run against each host through the same HTTP calls with the real Durable Task engine
/// on Azurite and the real S3. A class per host says only how to start it (StandaloneHostConformanceTests in
/// Minerva.Host.Tests, FunctionsAppConformanceTests in Minerva.Functions.Tests); every test here passes on both, so
/// the two hosts answer alike. One host per class (<see cref="ConformanceHostFixture"/>).
/// </summary>
public abstract partial class ApiConformanceTests(LocalServices services, ConformanceHostFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Durable's status query fields, in its order.</summary>
    protected static readonly string[] StatusFields = ["name", "instanceId", "runtimeStatus", "input", "customStatus", "output", "createdTime", "lastUpdatedTime"];

    /// <summary>What Durable Functions' CreateCheckStatusResponse gives, in its order.</summary>
    protected static readonly string[] LinkFields =
        ["id", "statusQueryGetUri", "sendEventPostUri", "terminatePostUri", "purgeHistoryDeleteUri", "restartPostUri", "suspendPostUri", "resumePostUri"];

    protected static readonly string[] ImportFields = ["uuid", "name", "repository_uuid", "status", "progress", "errors", "created", "updated"];

    private IApiHost _host = null!;

    protected ApiUser Alice { get; private set; } = null!;

    protected ApiUser Bob { get; private set; } = null!;

    protected ApiUser Anonymous { get; private set; } = null!;

    protected Uri BaseAddress => _host.BaseAddress;

    protected ITestOutputHelper Output => output;

    public async Task InitializeAsync()
    {
        _host = await fixture.StartOnceAsync(services, StartHostAsync);
        Alice = new ApiUser(_host, fixture.Users.AliceKey);
        Bob = new ApiUser(_host, fixture.Users.BobKey);
        Anonymous = new ApiUser(_host, null);
    }

    public Task DisposeAsync()
    {
        foreach (var user in new[] { Alice, Bob, Anonymous })
        {
            user.Dispose();
        }

        return Task.CompletedTask;
    }

    /// <summary>Starts the host under test with these settings (local services, own bucket and task hub, the users' keys).</summary>
    protected abstract Task<IApiHost> StartHostAsync(IEnumerable<KeyValuePair<string, string?>> settings);

    protected Task<CompletedImport> CompletedImportAsync() => fixture.CompletedImportAsync(() => CompletedImport.RunAsync(Alice));

    protected static async Task<string> CreateRepositoryAsync(ApiUser user, string rawStorage = "Live") =>
        (await user.PostJsonAsync("/repository", new { name = "repository", raw_storage = rawStorage })).Expect(HttpStatusCode.Created).Json.GetProperty("uuid").GetString()!;

    /// <summary>A new import of the user's, awaiting its upload: POST /import's answer.</summary>
    protected static async Task<JsonElement> CreateImportAsync(ApiUser user)
    {
        var repository = await CreateRepositoryAsync(user);
        return (await user.PostJsonAsync("/import", new { name = "import", repository_uuid = repository })).Expect(HttpStatusCode.Created).Json;
    }

    /// <summary>A new import of the user's whose orchestration runs, waiting for its upload: POST /import's answer, its uuid and status query.</summary>
    protected static async Task<(JsonElement Created, string Uuid, string StatusQuery)> RunningImportAsync(ApiUser user)
    {
        var created = await CreateImportAsync(user);
        var statusQuery = Link(created, "statusQueryGetUri");
        await WhenRunningAsync(user, statusQuery);
        return (created, created.GetProperty("uuid").GetString()!, statusQuery);
    }

    /// <summary>The status query once the orchestration runs (right after POST /import it may still be Pending, also a 202).</summary>
    protected static async Task<ApiAnswer> WhenRunningAsync(ApiUser user, string statusQueryGetUri)
    {
        var deadline = DateTime.UtcNow + CompletedImport.Timeout;
        while (true)
        {
            var answer = (await user.GetAsync(statusQueryGetUri)).Expect(HttpStatusCode.Accepted);
            if (answer.Json.GetProperty("runtimeStatus").GetString() == "Running" && answer.Json.GetProperty("customStatus").ValueKind != JsonValueKind.Null)
            {
                return answer;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{statusQueryGetUri} did not reach Running: {answer.Text}");
            await Task.Delay(100);
        }
    }

    protected static string Link(JsonElement answer, string link) => answer.GetProperty(link).GetString()!;

    /// <summary>Every object key below <paramref name="element"/> is the API's snake_case, and no enum is a number.</summary>
    protected static void AssertApiSpelling(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Assert.Matches(SnakeCase(), property.Name);
                    AssertApiSpelling(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    AssertApiSpelling(item);
                }

                break;
        }
    }

    [GeneratedRegex("^[a-z0-9]+(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
