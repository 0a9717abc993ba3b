using System.Globalization;
using Minerva.Tiling;
using Spectre.Console.Cli;

namespace Minerva.Cli.Tile;

/// <summary>
/// <c>minerva tile</c>: converts a TIFF/OME-TIFF into an OME-Zarr folder on this machine.
/// Exit 0 on success; 2 with one line on stderr for the caller's mistakes (bad file, bad arguments); 1 otherwise.
/// </summary>
internal sealed class TileCommand : AsyncCommand<TileSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, TileSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            var summary = await TileJob.RunAsync(settings, progress: null, cancellationToken).ConfigureAwait(false);
            double seconds = summary.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Wrote {summary.Output}: {summary.SeriesCount} series, {summary.PixelBytes / 1e6:F0} MB of pixels in {seconds:F1} s ({summary.PixelBytes / 1e6 / seconds:F0} MB/s)."));
            return 0;
        }
        catch (Exception e) when (e is InvalidImageException or TileUsageException)
        {
            await Console.Error.WriteLineAsync($"minerva tile: {e.Message}").ConfigureAwait(false);
            return 2;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("minerva tile: cancelled; nothing was written.").ConfigureAwait(false);
            return 1;
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"minerva tile: failed: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
