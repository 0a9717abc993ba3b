using System.Text.Json;
using Minerva.Cli.Api;
using Minerva.Cli.CommandLine;
using Minerva.Cli.Output;

namespace Minerva.Cli.Commands;

/// <summary><c>minerva imports [REPO]</c>: the imports of one repository, or of all the caller's repositories.</summary>
internal sealed class ImportsCommand(CliContext context) : ServiceCommand<ImportsSettings>(context)
{
    protected override async Task<int> RunAsync(MinervaClient client, ImportsSettings settings, CancellationToken ct)
    {
        var repositories = (await client.ListRepositoriesAsync(ct)).Value;
        var chosen = settings.Repository is null ? repositories : [RepositoryLookup.Find(repositories, settings.Repository)];

        var imports = new List<Import>();
        var raw = new List<JsonElement>();
        foreach (var repository in chosen)
        {
            var answer = await client.ListImportsAsync(repository.Uuid, ct);
            imports.AddRange(answer.Value);
            raw.AddRange(answer.Raw.EnumerateArray());
        }

        Show(settings, JsonSerializer.SerializeToElement(raw), () => Tables.Imports(imports, repositories));
        return ExitCodes.Success;
    }
}
