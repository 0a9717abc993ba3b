using System.Diagnostics;
using Minerva.Cli.CommandLine;
using Minerva.Tiling.IO;
using Minerva.Tiling.Pyramid;
using Minerva.Tiling.Tiff;

namespace Minerva.Cli.Tile;

/// <summary>
/// One <c>minerva tile</c> run: opens the TIFF, writes the OME-Zarr into a hidden sibling folder and renames it to
/// OUTPUT only when complete, so a failed or interrupted run never leaves something that looks like a result.
/// </summary>
internal static class TileJob
{
    public static async Task<TileSummary> RunAsync(TileSettings settings, IProgress<PyramidProgress>? progress, CancellationToken cancellationToken)
    {
        string input = Path.GetFullPath(settings.Input);
        string output = Path.GetFullPath(settings.Output.TrimEnd('/', '\\'));
        if (!File.Exists(input))
        {
            throw new UsageException($"Input file '{settings.Input}' does not exist.");
        }

        if (Directory.Exists(output) || File.Exists(output))
        {
            throw new UsageException($"Output '{settings.Output}' already exists; choose a new name or remove it.");
        }

        var stopwatch = Stopwatch.StartNew();
        using var source = await OpenAsync(input, cancellationToken).ConfigureAwait(false);
        var series = SeriesToWrite(source, settings);
        string parent = Path.GetDirectoryName(output)!;
        Directory.CreateDirectory(parent);
        string staging = Path.Combine(parent, $".{Path.GetFileName(output)}.partial-{Environment.ProcessId}");
        try
        {
            var writer = new LocalPyramidWriter(settings.ThreadCount, progress);
            await writer.WriteAsync(source, series, settings.Options, new DirectoryChunkStore(staging), cancellationToken).ConfigureAwait(false);
            Directory.Move(staging, output);
        }
        catch
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            throw;
        }

        long pixelBytes = series.Sum(i => source.Info.Series[i] is var s ? s.SizeT * s.SizeC * s.SizeZ * s.SizeY * s.SizeX * Tiling.Model.PixelTypeExtensions.SampleSize(s.PixelType) : 0);
        return new TileSummary(output, series.Count, pixelBytes, stopwatch.Elapsed);
    }

    private static async Task<TiffImageSource> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = FileByteSource.Open(path);
        try
        {
            return await TiffImageSource.OpenAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Opened sources own their bytes; a failed open leaves them to us.
            bytes.Dispose();
            throw;
        }
    }

    private static IReadOnlyList<int> SeriesToWrite(TiffImageSource source, TileSettings settings)
    {
        int count = source.Info.Series.Count;
        if (settings.Series is not int chosen)
        {
            return Enumerable.Range(0, count).ToList();
        }

        return chosen < count
            ? [chosen]
            : throw new UsageException($"--series {chosen} does not exist: '{settings.Input}' has {count} series (0 to {count - 1}).");
    }
}

/// <summary>What a run wrote: the folder, how many series, the level-0 pixel bytes, and how long it took.</summary>
internal sealed record TileSummary(string Output, int SeriesCount, long PixelBytes, TimeSpan Elapsed);
