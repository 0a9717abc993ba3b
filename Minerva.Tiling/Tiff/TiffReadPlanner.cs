using Minerva.Tiling.IO;

namespace Minerva.Tiling.Tiff;

/// <summary>
/// Which stored blocks a rectangle needs and how to fetch them: one job per block (carrying every requested
/// channel the block holds, so interleaved samples are decoded once), and jobs whose bytes lie back to back
/// in the file joined into one range read.
/// </summary>
internal static class TiffReadPlanner
{
    /// <summary>
    /// The largest range one read fetches for several adjacent blocks: large enough that a request's latency is small
    /// beside its transfer, small enough that the reads a region keeps in flight hold little memory.
    /// </summary>
    private const int MaxGroupBytes = 2 << 20;

    public static List<TiffReadGroup> Plan(SeriesLayout layout, PlaneRect rect) => GroupAdjacent(PlanBlocks(layout, rect));

    /// <summary>Runs of jobs whose stored bytes follow one another in the file, each run at most <see cref="MaxGroupBytes"/>.</summary>
    private static List<TiffReadGroup> GroupAdjacent(List<TiffBlockJob> jobs)
    {
        var groups = new List<TiffReadGroup>();
        TiffReadGroup? current = null;
        foreach (var job in jobs)
        {
            var offset = job.Ifd.Offsets[job.BlockIndex];
            var count = (int)job.Ifd.ByteCounts[job.BlockIndex];
            if (current is not null && offset == current.Offset + current.Length && current.Length + count <= MaxGroupBytes)
            {
                current.Jobs.Add(job);
                current.Length += count;
            }
            else
            {
                current = new TiffReadGroup(offset) { Length = count };
                current.Jobs.Add(job);
                groups.Add(current);
            }
        }

        return groups;
    }

    /// <summary>One job per block the rectangle touches, carrying every requested channel the block holds.</summary>
    private static List<TiffBlockJob> PlanBlocks(SeriesLayout layout, PlaneRect rect)
    {
        var jobs = new List<TiffBlockJob>();
        var samplesPerIfd = layout.SamplesPerIfd;
        var lastChannel = rect.C0 + rect.CCount - 1;
        for (var ifdChannel = rect.C0 / samplesPerIfd; ifdChannel <= lastChannel / samplesPerIfd; ifdChannel++)
        {
            var ifd = layout.Ifd(rect.Level, rect.T, rect.Z, ifdChannel * samplesPerIfd);
            var firstSample = Math.Max(rect.C0, ifdChannel * samplesPerIfd) - (ifdChannel * samplesPerIfd);
            var lastSample = Math.Min(lastChannel, ((ifdChannel + 1) * samplesPerIfd) - 1) - (ifdChannel * samplesPerIfd);
            var firstChannel = (ifdChannel * samplesPerIfd) + firstSample - rect.C0;
            var blocksPerSample = ifd.BlocksAcross * ifd.BlocksDown;
            var rowFirst = (int)(rect.Y0 / ifd.BlockHeight);
            var rowLast = (int)((rect.Y0 + rect.Height - 1) / ifd.BlockHeight);
            var columnFirst = (int)(rect.X0 / ifd.BlockWidth);
            var columnLast = (int)((rect.X0 + rect.Width - 1) / ifd.BlockWidth);
            for (var row = rowFirst; row <= rowLast; row++)
            {
                for (var column = columnFirst; column <= columnLast; column++)
                {
                    var block = (row * ifd.BlocksAcross) + column;
                    var y0 = (long)row * ifd.BlockHeight;
                    var x0 = (long)column * ifd.BlockWidth;
                    if (ifd.PlanarSeparate)
                    {
                        for (var s = firstSample; s <= lastSample; s++)
                        {
                            jobs.Add(new TiffBlockJob(ifd, (s * blocksPerSample) + block, y0, x0, 0, 1, firstChannel + s - firstSample));
                        }
                    }
                    else
                    {
                        jobs.Add(new TiffBlockJob(ifd, block, y0, x0, firstSample, lastSample - firstSample + 1, firstChannel));
                    }
                }
            }
        }

        return jobs;
    }
}
