using Minerva.Testing.Conformance;
using Minerva.Testing.Services;

namespace Minerva.Host.Tests.Api;

/// <summary>The API table against the standalone host over HTTP (<see cref="StandaloneApiHost"/>).</summary>
[Collection(LocalServices.Collection)]
[Trait("Category", "EndToEnd")]
public sealed class StandaloneHostConformanceTests(LocalServices services, ApiHostFixture fixture)
    : ApiConformanceTests(services, fixture), IClassFixture<ApiHostFixture>
{
    protected override Task<IApiHost> StartHostAsync(IEnumerable<KeyValuePair<string, string?>> settings) => StandaloneApiHost.StartAsync(settings);
}
