using Minerva.Cli.Api;
using Minerva.Cli.CommandLine;
using Minerva.Cli.Output;

namespace Minerva.Cli.Commands;

/// <summary><c>minerva cancel IMPORT</c>: stops the import (the service removes its partial uploads and outputs), then shows it.</summary>
internal sealed class CancelCommand(CliContext context) : ServiceCommand<ImportArgumentSettings>(context)
{
    protected override async Task<int> RunAsync(MinervaClient client, ImportArgumentSettings settings, CancellationToken ct)
    {
        await client.CancelImportAsync(settings.Import, ct);
        var import = await client.GetImportAsync(settings.Import, ct);
        Show(settings, import.Raw, () => Tables.Import(import.Value));
        return ExitCodes.Success;
    }
}
