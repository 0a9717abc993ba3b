using Microsoft.Extensions.Options;
using Minerva.Service.Configuration;
using Minerva.Service.Lifecycle;
using Minerva.Service.Orchestration;

namespace Minerva.Host.Durable;

/// <summary>Runs the import watchdog (<see cref="ImportRepair.CheckAllAsync"/>) every Minerva:WatchdogInterval in this host.</summary>
internal sealed class ImportWatchdog(ImportRepair repair, IImportWorkflow workflow, IOptions<MinervaOptions> options, ILogger<ImportWatchdog> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.WatchdogInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await repair.CheckAllAsync(workflow, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Storage may be briefly unreachable; the next pass tries again.
                logger.LogWarning(e, "The import watchdog's pass failed; it runs again in {Interval}.", options.Value.WatchdogInterval);
            }
        }
    }
}
