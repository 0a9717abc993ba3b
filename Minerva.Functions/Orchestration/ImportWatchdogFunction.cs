using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Minerva.Functions.Api;
using Minerva.Service.Lifecycle;

namespace Minerva.Functions.Orchestration;

/// <summary>The import watchdog (<see cref="ImportRepair.CheckAllAsync"/>), once a minute on one instance of the app.</summary>
public sealed class ImportWatchdogFunction(ImportRepair repair, WorkflowFactory workflows)
{
    [Function("ImportWatchdog")]
    public Task Run([TimerTrigger("0 */1 * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        repair.CheckAllAsync(workflows.For(client), ct);
}
