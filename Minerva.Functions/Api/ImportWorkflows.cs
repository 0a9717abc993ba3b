using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Minerva.Service.Configuration;
using Minerva.Service.Orchestration;

namespace Minerva.Functions.Api;

/// <summary>
/// The Functions app gets its <see cref="DurableTaskClient"/> from a per-invocation [DurableClient] binding, not
/// from DI, so the workflow the handlers use is built per call over that client.
/// </summary>
public sealed class ImportWorkflows(IOptions<MinervaOptions> service, IOptions<TilingOptions> tiling)
{
    public IImportWorkflow For(DurableTaskClient client) => new DurableImportWorkflow(client, service, tiling);
}
