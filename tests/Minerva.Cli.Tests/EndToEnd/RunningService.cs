using Microsoft.AspNetCore.Builder;
using Minerva.Host;
using Minerva.Testing.Services;

namespace Minerva.Cli.Tests.EndToEnd;

/// <summary>
/// The standalone host, exactly as its Program.cs builds it, listening on a free loopback port against the local
/// services (Azurite, Ceph RGW) with its own bucket and task hub, and one API key for the client under test.
/// </summary>
internal sealed class RunningService : IAsyncDisposable
{
    public const string ApiKey = "cli-e2e-key";

    private readonly WebApplication app;

    private RunningService(WebApplication app) => this.app = app;

    public string Url => app.Urls.First();

    public static async Task<RunningService> StartAsync(LocalServices services)
    {
        var settings = services.HostSettings(LocalServices.NewBucketName())
            .Append(new("urls", "http://127.0.0.1:0"))
            .Append(new($"Minerva:ApiKeys:{ApiKey}", "cli-e2e-user"));
        var app = MinervaHost.Build([.. settings.Select(s => $"--{s.Key}={s.Value}")]);
        await app.StartAsync();
        return new RunningService(app);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
