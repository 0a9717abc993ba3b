using DurableTask.AzureStorage;
using Grpc.Net.Client;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.DurableTask.Worker.Grpc.Internal;
using Microsoft.Extensions.Options;
using Minerva.Service.Orchestration;

namespace Minerva.Host.Durable;

/// <summary>Wires the standalone host's durable engine: sidecar over Azure Storage, worker and client over gRPC.</summary>
public static class DurableHostExtensions
{
    /// <summary>Without it, stopping waits 30 s for the worker's open gRPC stream.</summary>
    internal static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Adds the Durable Task engine (task hub on the <c>AzureWebJobsStorage</c> account), the worker that runs the
    /// import orchestrations and activities, the <see cref="DurableTaskClient"/> and <see cref="IImportWorkflow"/>.
    /// Configuration is read when the host starts, so settings added after this call (tests) apply.
    /// </summary>
    public static WebApplicationBuilder AddMinervaDurable(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);

        // The storage backend logs every poll and lease at Information.
        builder.Logging.AddFilter("DurableTask.AzureStorage", LogLevel.Warning);
        services.AddOptions<DurableHostOptions>()
            .Bind(builder.Configuration.GetSection("Minerva"))
            .Validate(o => o.TaskHub.Length > 0 && o.TaskHub.All(char.IsAsciiLetterOrDigit), "Minerva:TaskHub must be letters and digits only.")
            .ValidateOnStart();

        // Registered before the worker, so it starts first and stops last.
        services.AddSingleton(sp => new DurableSidecar(
            CreateService(sp.GetRequiredService<IOptions<DurableHostOptions>>().Value, sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<ILoggerFactory>()),
            sp.GetRequiredService<IOptions<DurableHostOptions>>().Value.GrpcPort));
        services.AddHostedService(sp => sp.GetRequiredService<DurableSidecar>());
        services.AddSingleton(sp => GrpcChannel.ForAddress(sp.GetRequiredService<DurableSidecar>().Address, new GrpcChannelOptions
        {
            MaxReceiveMessageSize = DurableSidecar.MaxMessageBytes,
            MaxSendMessageSize = DurableSidecar.MaxMessageBytes,
        }));

        services.AddDurableTaskWorker(w =>
        {
            w.UseGrpc();
            w.AddTasks(r => r.AddImportTasks());
            services.AddOptions<GrpcDurableTaskWorkerOptions>(w.Name).Configure<GrpcChannel>((o, channel) =>
            {
                o.Channel = channel;

                // The sidecar sends no health pings; without this the worker drops and reopens its stream every 120 s idle.
                o.SetSilentDisconnectTimeout(TimeSpan.Zero);
            });
            services.AddOptions<DurableTaskWorkerOptions>(w.Name).Configure<IOptions<DurableHostOptions>>((o, host) =>
                o.Concurrency.MaximumConcurrentActivityWorkItems = host.Value.MaxConcurrentActivities);
        });
        services.AddDurableTaskClient(c =>
        {
            c.UseGrpc();
            services.AddOptions<GrpcDurableTaskClientOptions>(c.Name).Configure<GrpcChannel>((o, channel) => o.Channel = channel);
        });
        services.AddImportWorkflow(builder.Configuration);
        return builder;
    }

    private static SubOrchestrationFixingService CreateService(DurableHostOptions options, IConfiguration configuration, ILoggerFactory loggerFactory)
    {
        string connection = configuration["AzureWebJobsStorage"]
            ?? throw new InvalidOperationException("AzureWebJobsStorage (the task hub's storage connection string) is not configured.");
        return new SubOrchestrationFixingService(new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = options.TaskHub,
            StorageAccountClientProvider = new StorageAccountClientProvider(connection),
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            WorkItemQueueVisibilityTimeout = options.WorkItemVisibilityTimeout,
            ControlQueueVisibilityTimeout = options.WorkItemVisibilityTimeout,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            LoggerFactory = loggerFactory,
        }));
    }
}
