using System.Text.Json;
using Minerva.Cli.Api;
using Minerva.Cli.CommandLine;
using Spectre.Console.Cli;
using Spectre.Console.Rendering;

namespace Minerva.Cli.Commands;

/// <summary>A command that talks to the service: connects with the resolved URL and key, prints a table or the raw JSON.</summary>
internal abstract class ServiceCommand<TSettings>(CliContext context) : AsyncCommand<TSettings>
    where TSettings : ServiceSettings
{
    protected CliContext Context { get; } = context;

    public sealed override async Task<int> ExecuteAsync(CommandContext commandContext, TSettings settings, CancellationToken cancellationToken)
    {
        using var client = MinervaClient.Create(Context.Connect(settings), Context.HttpHandler);
        return await RunAsync(client, settings, cancellationToken);
    }

    protected abstract Task<int> RunAsync(MinervaClient client, TSettings settings, CancellationToken ct);

    /// <summary>The API's answer as is for <c>--json</c>, else the table made from it.</summary>
    protected void Show(TSettings settings, JsonElement raw, Func<IRenderable> table)
    {
        if (settings.Json)
        {
            Context.Out.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(raw, ApiJson.Indented));
        }
        else
        {
            Context.Out.Write(table());
        }
    }
}
