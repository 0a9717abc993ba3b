using Minerva.Cli.Api;
using Minerva.Cli.CommandLine;
using Minerva.Cli.Output;

namespace Minerva.Cli.Commands;

/// <summary><c>minerva filesets IMPORT</c>: one fileset per imported file, with the OME-Zarr images it produced.</summary>
internal sealed class FilesetsCommand(CliContext context) : ServiceCommand<ImportArgumentSettings>(context)
{
    protected override async Task<int> RunAsync(MinervaClient client, ImportArgumentSettings settings, CancellationToken ct)
    {
        var filesets = await client.GetFilesetsAsync(settings.Import, ct);
        Show(settings, filesets.Raw, () => Tables.Filesets(filesets.Value));
        if (!settings.Json)
        {
            ImageLinkLines.Write(Context.Out, filesets.Value);
        }

        return ExitCodes.Success;
    }
}
