using Minerva.Functions.Tests.InProcess;
using Minerva.Testing.Conformance;
using Minerva.Testing.Services;
using Xunit.Abstractions;

namespace Minerva.Functions.Tests;

/// <summary>The API table against the Functions app's HTTP functions, called in-process (<see cref="FunctionsApiHost"/>).</summary>
[Collection(LocalServices.Collection)]
[Trait("Category", "EndToEnd")]
public sealed class FunctionsAppConformanceTests(LocalServices services, ConformanceHostFixture fixture, ITestOutputHelper output)
    : ApiConformanceTests(services, fixture, output), IClassFixture<ConformanceHostFixture>
{
    protected override Task<IApiHost> StartHostAsync(IEnumerable<KeyValuePair<string, string?>> settings) => FunctionsApiHost.StartAsync(settings);
}
