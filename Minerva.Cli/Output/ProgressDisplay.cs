using Spectre.Console;

namespace Minerva.Cli.Output;

/// <summary>The progress bars: byte transfers (hashing, uploading) and the service's processing.</summary>
internal static class ProgressDisplay
{
    /// <summary>Bytes done and total, rate and time left, one bar per file.</summary>
    public static Progress Bytes(IAnsiConsole console) =>
        console.Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new DownloadedColumn(),
                new TransferSpeedColumn(),
                new RemainingTimeColumn());

    public static Progress Percent(IAnsiConsole console) =>
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn());
}
