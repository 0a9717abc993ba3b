using System.Globalization;
using Minerva.Tiling.Pyramid;

namespace Minerva.Cli.Tile;

/// <summary>Reports a long <c>minerva tile</c> run on stderr, one line per tenth of the regions, so stdout stays the result.</summary>
internal sealed class TileProgress(TextWriter status) : IProgress<PyramidProgress>
{
    private const int Steps = 10;
    private int _reportedStep;

    public void Report(PyramidProgress value)
    {
        int step = value.RegionsDone * Steps / Math.Max(value.RegionsTotal, 1);
        int previous = Volatile.Read(ref _reportedStep);

        // Regions finish on several threads: only the one that moves the step forward writes.
        if (step > previous && step < Steps && Interlocked.CompareExchange(ref _reportedStep, step, previous) == previous)
        {
            status.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"minerva tile: {step * 100 / Steps}% ({value.RegionsDone}/{value.RegionsTotal} regions)"));
        }
    }
}
