using Minerva.Testing.Services;

namespace Minerva.Host.Tests.Api;

/// <summary>
/// One <see cref="ApiHost"/> shared by every test of a class (<c>IClassFixture&lt;ApiHostFixture&gt;</c>): started by
/// the first test that asks for it, stopped after the class. Tests sharing it create their own repositories and
/// imports, so they do not see each other's.
/// </summary>
public sealed class ApiHostFixture : IAsyncLifetime
{
    private readonly Lock _gate = new();
    private Task<ApiHost>? _host;

    internal Task<ApiHost> HostAsync(LocalServices services, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        lock (_gate)
        {
            return _host ??= ApiHost.StartAsync(services, settings);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is { IsCompletedSuccessfully: true })
        {
            await (await _host).DisposeAsync();
        }
    }
}
