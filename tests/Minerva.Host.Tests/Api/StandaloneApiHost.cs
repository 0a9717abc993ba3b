using Microsoft.AspNetCore.Builder;
using Minerva.Testing.Conformance;

namespace Minerva.Host.Tests.Api;

/// <summary>The standalone host, exactly what Program.cs runs, listening on a free loopback port.</summary>
internal sealed class StandaloneApiHost(WebApplication app) : IApiHost
{
    public Uri BaseAddress { get; } = new(app.Urls.Single() + "/");

    public HttpMessageHandler Handler { get; } = new SocketsHttpHandler();

    public static async Task<IApiHost> StartAsync(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var app = MinervaHost.Build([.. settings.Append(new("urls", "http://127.0.0.1:0")).Select(s => $"--{s.Key}={s.Value}")]);
        await app.StartAsync();
        return new StandaloneApiHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        Handler.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
