using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Minerva.Service.Orchestration;

namespace Minerva.Functions.Api;

/// <summary>
/// In Functions the DurableTaskClient only exists as a per-invocation [DurableClient] binding, so the import
/// workflow the handlers take is made per call around it.
/// </summary>
public sealed class WorkflowFactory(IServiceProvider services)
{
    public IImportWorkflow For(DurableTaskClient client) =>
        ActivatorUtilities.CreateInstance<DurableImportWorkflow>(services, client);
}
