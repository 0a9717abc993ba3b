using Minerva.Testing.Services;
using Xunit;

namespace Minerva.Testing.Conformance;

/// <summary>
/// One host per conformance test class: started by the class's first test over the collection's local services, with
/// its own bucket, task hub and users, and stopped after its last. Also keeps what several tests read (the completed
/// import) so it runs once.
/// </summary>
public sealed class ConformanceHostFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _importLock = new();
    private IApiHost? _host;
    private Task<CompletedImport>? _completedImport;

    public ApiUsers Users { get; } = ApiUsers.New();

    public async Task<IApiHost> StartOnceAsync(LocalServices services, Func<IEnumerable<KeyValuePair<string, string?>>, Task<IApiHost>> start)
    {
        await _gate.WaitAsync();
        try
        {
            return _host ??= await start(Users.HostSettings(services));
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<CompletedImport> CompletedImportAsync(Func<Task<CompletedImport>> run)
    {
        lock (_importLock)
        {
            return _completedImport ??= run();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _gate.Dispose();
    }
}
