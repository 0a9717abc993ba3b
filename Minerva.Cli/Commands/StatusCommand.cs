using Minerva.Cli.Api;
using Minerva.Cli.CommandLine;
using Minerva.Cli.Output;

namespace Minerva.Cli.Commands;

/// <summary><c>minerva status IMPORT</c>: the import's status, progress and errors.</summary>
internal sealed class StatusCommand(CliContext context) : ServiceCommand<ImportArgumentSettings>(context)
{
    protected override async Task<int> RunAsync(MinervaClient client, ImportArgumentSettings settings, CancellationToken ct)
    {
        var import = await client.GetImportAsync(settings.Import, ct);
        Show(settings, import.Raw, () => Tables.Import(import.Value));
        return ExitCodes.Success;
    }
}
