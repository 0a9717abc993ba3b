using Minerva.Cli.Api;
using Minerva.Cli.CommandLine;
using Minerva.Cli.Output;

namespace Minerva.Cli.Commands;

/// <summary><c>minerva repos</c>: the caller's repositories.</summary>
internal sealed class ReposCommand(CliContext context) : ServiceCommand<ServiceSettings>(context)
{
    protected override async Task<int> RunAsync(MinervaClient client, ServiceSettings settings, CancellationToken ct)
    {
        var repositories = await client.ListRepositoriesAsync(ct);
        Show(settings, repositories.Raw, () => Tables.Repositories(repositories.Value));
        return ExitCodes.Success;
    }
}
