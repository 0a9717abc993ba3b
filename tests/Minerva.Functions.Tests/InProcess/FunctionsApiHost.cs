using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Minerva.Host;
using Minerva.Testing.Conformance;

namespace Minerva.Functions.Tests.InProcess;

/// <summary>
/// The Functions app with exactly the services its Program.cs registers, its HTTP functions called in-process, and
/// the Durable Task engine of the standalone host (the same orchestrators and activities, on the same task hub in
/// Azurite) behind the DurableTaskClient its [DurableClient] bindings get. Core Tools cannot run here; this is how
/// close to <c>func start</c> the tests come.
/// </summary>
internal sealed class FunctionsApiHost : IApiHost
{
    private readonly IHost _functions;
    private readonly WebApplication _engine;

    private FunctionsApiHost(IHost functions, WebApplication engine, FunctionsAppHandler handler)
    {
        _functions = functions;
        _engine = engine;
        Handler = handler;
    }

    /// <summary>Where <c>func start</c> serves the app.</summary>
    public Uri BaseAddress { get; } = new("http://localhost:7071/");

    public HttpMessageHandler Handler { get; }

    public static async Task<IApiHost> StartAsync(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var all = settings.ToList();
        var engine = MinervaHost.Build([.. all.Append(new("urls", "http://127.0.0.1:0")).Select(s => $"--{s.Key}={s.Value}")]);
        await engine.StartAsync();

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(all);
        builder.Services.AddMinervaFunctions(builder.Configuration);
        var functions = builder.Build();
        await functions.StartAsync();
        return new FunctionsApiHost(functions, engine, new FunctionsAppHandler(functions.Services, engine.Services.GetRequiredService<DurableTaskClient>()));
    }

    public async ValueTask DisposeAsync()
    {
        Handler.Dispose();
        await _functions.StopAsync();
        _functions.Dispose();
        await _engine.StopAsync();
        await _engine.DisposeAsync();
    }
}
