using Minerva.Cli.Api;
using Minerva.Cli.Output;
using Spectre.Console;

namespace Minerva.Cli.Commands.Importing;

/// <summary>Follows an import on the service until it ends (Complete, Failed, Expired or Cancelled), showing its progress.</summary>
internal static class ImportWatcher
{
    public static async Task<Answer<Import>> WaitAsync(
        MinervaClient client, string importUuid, IAnsiConsole status, TimeSpan pollInterval, CancellationToken ct)
    {
        var current = await client.GetImportAsync(importUuid, ct);
        await ProgressDisplay.Percent(status).StartAsync(async progress =>
        {
            var task = progress.AddTask("processing", maxValue: 100);
            while (true)
            {
                Show(task, current.Value);
                if (current.Value.IsFinished)
                {
                    break;
                }

                await Task.Delay(pollInterval, ct);
                current = await client.GetImportAsync(importUuid, ct);
            }

            task.StopTask();
        });
        return current;
    }

    private static void Show(ProgressTask task, Import import)
    {
        task.Description = Markup.Escape(import.Progress is { } progress ? $"{import.Status} ({Tables.Details(progress)})" : import.Status.ToString());
        task.Value = import.Status == ImportStatus.Complete ? 100 : Math.Clamp(import.Progress?.Percent ?? 0, 0, 100);
    }
}
