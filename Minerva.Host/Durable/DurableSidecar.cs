using System.Net;
using System.Net.Sockets;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;

namespace Minerva.Host.Durable;

/// <summary>
/// The Durable Task engine of one host process: the gRPC sidecar (<see cref="TaskHubGrpcServer"/>) over Azure Storage,
/// served by its own small Kestrel app on a loopback HTTP/2 port so the host's HTTP/1 API endpoints stay as configured.
/// The sidecar accepts one worker stream, so each host process runs its own; several processes share one task hub.
/// </summary>
internal sealed class DurableSidecar(
    SubOrchestrationFixingService service,
    int configuredPort) : IHostedService, IAsyncDisposable
{
    /// <summary>gRPC messages carry orchestration histories; the 4 MB default is too small for a large fan-out.</summary>
    internal const int MaxMessageBytes = 256 << 20;

    /// <summary>The port is chosen before the host starts: the worker's and client's channel must know it when they are built.</summary>
    private readonly int port = configuredPort != 0 ? configuredPort : FreeLoopbackPort();

    private WebApplication? app;

    public Uri Address => new($"http://127.0.0.1:{port}");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The sidecar's own CreateTaskHub does not await creation; create queues and tables before anything polls them.
        await service.CreateIfNotExistsAsync();

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, o => o.Protocols = HttpProtocols.Http2));
        // The sidecar's own HTTP/2 plumbing is noise next to the host's log; its warnings and errors still show.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = MaxMessageBytes;
            o.MaxSendMessageSize = MaxMessageBytes;
        });
        builder.Services.AddSingleton<IOrchestrationService>(service);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = DurableHostExtensions.ShutdownTimeout);
        app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        await app.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (app is not null)
        {
            await app.StopAsync(cancellationToken);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
