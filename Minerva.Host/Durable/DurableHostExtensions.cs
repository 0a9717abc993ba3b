using DurableTask.AzureStorage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Minerva.Service.Orchestration;

namespace Minerva.Host.Durable;

/// <summary>Wires the standalone host's durable engine: DurableTask.Core's worker and an in-process client over one Azure Storage task hub.</summary>
public static class DurableHostExtensions
{
    /// <summary>
    /// Adds the Durable Task engine (task hub on the <c>AzureWebJobsStorage</c> account) that runs the import
    /// orchestrations and activities, the <see cref="DurableTaskClient"/> and <see cref="IImportWorkflow"/>.
    /// Configuration is read when the host starts, so settings added after this call (tests) apply.
    /// </summary>
    public static WebApplicationBuilder AddMinervaDurable(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));

        // The storage backend logs every poll and lease at Information, DurableTask.Core every dispatch.
        builder.Logging.AddFilter("DurableTask", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.DurableTask", LogLevel.Warning);
        services.AddOptions<DurableHostOptions>()
            .Bind(builder.Configuration.GetSection("Minerva"))
            .Validate(o => o.TaskHub.Length > 0 && o.TaskHub.All(char.IsAsciiLetterOrDigit), "Minerva:TaskHub must be letters and digits only.")
            .ValidateOnStart();

        services.AddSingleton(sp => CreateService(
            sp.GetRequiredService<IOptions<DurableHostOptions>>().Value, sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService<DurableEngine>();
        services.AddHostedService<ImportWatchdog>();
        services.AddSingleton<DurableTaskClient, AzureStorageDurableClient>();
        services.AddImportWorkflow(builder.Configuration);
        return builder;
    }

    private static AzureStorageOrchestrationService CreateService(DurableHostOptions options, IConfiguration configuration, ILoggerFactory loggerFactory)
    {
        string connection = configuration["AzureWebJobsStorage"]
            ?? throw new InvalidOperationException("AzureWebJobsStorage (the task hub's storage connection string) is not configured.");
        return new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = options.TaskHub,
            StorageAccountClientProvider = new StorageAccountClientProvider(connection),

            // Partition leases are owned by worker id: every process needs its own, or two processes on one machine
            // both believe they own the same control queues and fight over every orchestration's messages.
            WorkerId = options.WorkerId,

            // The app lease lets one app at a time work a task hub (blue/green deployments); every worker of this
            // service is the same app, on whichever machine it runs.
            AppName = options.TaskHub,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            WorkItemQueueVisibilityTimeout = options.WorkItemVisibilityTimeout,
            ControlQueueVisibilityTimeout = options.WorkItemVisibilityTimeout,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,

            // The 2 s default is short for a storage emulator on a busy machine: partition-table reads then time out and
            // leases move for no reason. Leases last 30 s, so 10 s is still well inside them.
            PartitionTableOperationTimeout = TimeSpan.FromSeconds(10),
            LoggerFactory = loggerFactory,
        });
    }
}
