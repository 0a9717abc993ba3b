using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Minerva.Service.Orchestration;

namespace Minerva.Host.Durable;

/// <summary>
/// The standalone host's Durable Task engine: DurableTask.Core's <see cref="TaskHubWorker"/> — the dispatchers
/// Durable Functions itself runs on — over Azure Storage, running the core's orchestrator and activity classes in
/// process through the SDK's shims. Several host processes on one task hub share the work: each owns some of the
/// control-queue partitions (orchestrations) and all of them take activities from the shared work-item queue.
/// </summary>
internal sealed class DurableEngine(AzureStorageOrchestrationService service, IServiceProvider services, ILoggerFactory loggers) : IHostedService
{
    private TaskHubWorker? worker;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await service.CreateIfNotExistsAsync();
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions(), loggers);
        worker = new TaskHubWorker(
            service,
            ShimTaskObjects<TaskOrchestration>.Orchestrations(ImportRegistration.Orchestrators, shims),
            ShimTaskObjects<TaskActivity>.Activities(ImportRegistration.Activities, shims, services),
            loggers)
        {
            // The orchestrators' retry policy tells bad images from transient faults by the failure's error type.
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
        };
        await worker.StartAsync();
    }

    /// <summary>
    /// Stops taking work and lets its partitions go; what is still running is abandoned and runs again elsewhere after
    /// the visibility timeout. A stop that outlasts the host's shutdown timeout is given up on, never a crash: the
    /// process ends and its leases expire.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (worker is null)
        {
            return;
        }

        try
        {
            await worker.StopAsync(isForced: true).WaitAsync(cancellationToken);
            worker.Dispose();
        }
        catch (OperationCanceledException)
        {
            loggers.CreateLogger<DurableEngine>().LogWarning("The durable engine did not stop within the shutdown timeout; its leases will expire.");
        }
    }
}
