using Minerva.Host.Api;
using Minerva.Host.Durable;
using Minerva.Service;

namespace Minerva.Host;

/// <summary>Builds the standalone host: one line per concern, so tests start exactly what Program.cs runs.</summary>
public static class MinervaHost
{
    /// <param name="args">Command line; also how tests pass settings ("--S3:Bucket=...").</param>
    /// <param name="overrideServices">Runs after every registration (tests replace services here).</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? overrideServices = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddMinervaService(builder.Configuration);
        builder.AddMinervaDurable();
        overrideServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapMinervaApi();
        return app;
    }
}
