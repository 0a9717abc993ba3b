using System.Net;
using Minerva.Testing.Conformance;
using Minerva.Testing.Services;
using Xunit.Abstractions;

namespace Minerva.Host.Tests.Api;

/// <summary>The API table against the standalone host over HTTP (<see cref="StandaloneApiHost"/>), and what only it serves.</summary>
[Collection(LocalServices.Collection)]
[Trait("Category", "EndToEnd")]
public sealed class StandaloneHostConformanceTests(LocalServices services, ConformanceHostFixture fixture, ITestOutputHelper output)
    : ApiConformanceTests(services, fixture, output), IClassFixture<ConformanceHostFixture>
{
    /// <summary>Nothing else serves the Durable extension's own path here, so the standalone host answers it too (the Functions host keeps it).</summary>
    [Fact]
    public async Task StatusQuery_AtTheDurableExtensionsOwnPath_AnswersAsTheLinkDoes()
    {
        var created = await CreateImportAsync(Alice);
        var uuid = created.GetProperty("uuid").GetString()!;
        var viaLink = await WhenRunningAsync(Alice, Link(created, "statusQueryGetUri"));

        var answer = (await Alice.GetAsync($"/runtime/webhooks/durabletask/instances/{uuid}")).Expect(HttpStatusCode.Accepted);

        Assert.Equal(viaLink.Fields, answer.Fields);
        Assert.Equal(viaLink.Json.GetProperty("customStatus").ToString(), answer.Json.GetProperty("customStatus").ToString());
        (await Bob.GetAsync($"/runtime/webhooks/durabletask/instances/{uuid}")).ExpectError(HttpStatusCode.NotFound, "not_found");
        (await Anonymous.GetAsync($"/runtime/webhooks/durabletask/instances/{uuid}")).ExpectError(HttpStatusCode.Unauthorized, "unauthorized");
    }

    protected override Task<IApiHost> StartHostAsync(IEnumerable<KeyValuePair<string, string?>> settings) => StandaloneApiHost.StartAsync(settings);
}
