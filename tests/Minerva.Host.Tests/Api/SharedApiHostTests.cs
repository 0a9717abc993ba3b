using Minerva.Testing.Services;

namespace Minerva.Host.Tests.Api;

/// <summary>A test class whose tests share one <see cref="ApiHost"/> (<see cref="ApiHostFixture"/>); each test creates its own imports.</summary>
[Collection(LocalServices.Collection)]
[Trait("Category", "EndToEnd")]
public abstract class SharedApiHostTests(LocalServices services, ApiHostFixture fixture) : IClassFixture<ApiHostFixture>, IAsyncLifetime
{
    internal ApiHost Host { get; private set; } = null!;

    protected LocalServices Services => services;

    public async Task InitializeAsync() => Host = await fixture.HostAsync(services);

    /// <summary>The next test finds the recording workflow as the host started it.</summary>
    public Task DisposeAsync()
    {
        Host.Workflow.OnComplete = null;
        return Task.CompletedTask;
    }
}
