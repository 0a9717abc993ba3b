using System.Globalization;
using Minerva.Cli.CommandLine;
using Minerva.Tiling;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Minerva.Cli.Tile;

/// <summary>
/// <c>minerva tile</c>: converts a TIFF/OME-TIFF into an OME-Zarr folder on this machine.
/// Exit 0 on success; 2 for the caller's mistakes (unusable image, missing input, existing output, bad options),
/// reported as one line by <see cref="FailureReport"/>; 1 for anything else; 130 when interrupted.
/// </summary>
internal sealed class TileCommand(CliContext context) : AsyncCommand<TileSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext commandContext, TileSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            var summary = await TileJob.RunAsync(settings, progress: null, cancellationToken).ConfigureAwait(false);
            double seconds = summary.Elapsed.TotalSeconds;
            context.Out.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Wrote {summary.Output}: {summary.SeriesCount} series, {summary.PixelBytes / 1e6:F0} MB of pixels in {seconds:F1} s ({summary.PixelBytes / 1e6 / seconds:F0} MB/s)."));
            return ExitCodes.Success;
        }
        catch (InvalidImageException e)
        {
            throw new UsageException(e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.ErrorLine.WriteLineAsync("minerva: tile interrupted; no output was left behind.").ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }
    }
}
