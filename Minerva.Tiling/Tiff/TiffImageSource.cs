using System.Buffers;
using Minerva.Tiling.IO;
using Minerva.Tiling.Model;
using Minerva.Tiling.Ome;

namespace Minerva.Tiling.Tiff;

/// <summary>
/// A TIFF, BigTIFF or OME-TIFF opened for reading rectangles of its planes. Only the tiles or strips a
/// rectangle touches are fetched (one range read each) and decoded; each is decoded once for all the
/// channels it holds. Safe for concurrent <see cref="ReadAsync"/> calls.
/// </summary>
public sealed class TiffImageSource : IPixelSource
{
    private readonly IByteSource _source;
    private readonly TiffFile _file;
    private readonly IReadOnlyList<SeriesLayout> _series;

    private TiffImageSource(IByteSource source, TiffFile file, IReadOnlyList<SeriesLayout> series, string? omeXml)
    {
        _source = source;
        _file = file;
        _series = series;
        Info = new ImageInfo(omeXml, series.Select(s => s.Info).ToList());
    }

    public ImageInfo Info { get; }

    /// <summary>
    /// Parses the TIFF structure and its OME-XML (when the first ImageDescription holds one) and checks that
    /// every plane and tile the series need is present. On success the returned source owns <paramref name="source"/>.
    /// </summary>
    /// <exception cref="InvalidImageException">The file is not a TIFF, is damaged or truncated, lacks declared planes, or uses a codec or sample type Minerva cannot read.</exception>
    public static async Task<TiffImageSource> OpenAsync(IByteSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var file = await TiffStructureReader.ReadAsync(source, cancellationToken).ConfigureAwait(false);
        var description = file.Ifds[0].Description;
        var omeXml = OmeXmlParser.LooksLikeOme(description) ? description : null;
        var series = omeXml is null
            ? PlainTiffSeries.Build(file, source.Name)
            : OmeTiffSeries.Build(file, OmeXmlParser.Parse(omeXml, source.Name), source.Name);
        foreach (var ifd in series.SelectMany(s => s.Levels).SelectMany(level => level).Distinct())
        {
            TiffIfdChecks.CheckBlocks(ifd, source.Name, source.Length);
        }

        return new TiffImageSource(source, file, series, omeXml);
    }

    public async ValueTask ReadAsync(PlaneRect rect, Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        var layout = Validate(rect, destination.Length);
        var jobs = PlanBlocks(layout, rect);
        if (jobs.Count == 1)
        {
            await ReadBlockAsync(jobs[0], rect, destination, cancellationToken).ConfigureAwait(false);
            return;
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(4, Environment.ProcessorCount), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(jobs, options, (job, token) => ReadBlockAsync(job, rect, destination, token)).ConfigureAwait(false);
    }

    public void Dispose() => _source.Dispose();

    private async ValueTask ReadBlockAsync(BlockJob job, PlaneRect rect, Memory<byte> destination, CancellationToken cancellationToken)
    {
        var block = await TiffBlockDecoder.DecodeAsync(_source, job.Ifd, _file.BigEndian, job.BlockIndex, cancellationToken).ConfigureAwait(false);
        try
        {
            TiffRegionCopier.Copy(
                block, job.Ifd, job.BlockY0, job.BlockX0, TiffBlockDecoder.RowsOf(job.Ifd, job.BlockIndex),
                job.FirstSample, job.SampleCount, job.FirstChannel, rect, destination.Span);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }
    }

    /// <summary>One job per block the rectangle touches, carrying every requested channel the block holds.</summary>
    private static List<BlockJob> PlanBlocks(SeriesLayout layout, PlaneRect rect)
    {
        var jobs = new List<BlockJob>();
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
                            jobs.Add(new BlockJob(ifd, (s * blocksPerSample) + block, y0, x0, 0, 1, firstChannel + s - firstSample));
                        }
                    }
                    else
                    {
                        jobs.Add(new BlockJob(ifd, block, y0, x0, firstSample, lastSample - firstSample + 1, firstChannel));
                    }
                }
            }
        }

        return jobs;
    }

    private SeriesLayout Validate(PlaneRect rect, int destinationLength)
    {
        if (rect.Series < 0 || rect.Series >= _series.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(rect), $"Series {rect.Series} does not exist; the image has {_series.Count}.");
        }

        var layout = _series[rect.Series];
        var info = layout.Info;
        if (rect.Level < 0 || rect.Level >= layout.Levels.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(rect), $"Level {rect.Level} is not stored; series {rect.Series} stores {layout.Levels.Count}.");
        }

        var level = info.StoredLevels[rect.Level];
        if (rect.T < 0 || rect.T >= info.SizeT || rect.Z < 0 || rect.Z >= info.SizeZ
            || rect.C0 < 0 || rect.CCount <= 0 || rect.C0 + rect.CCount > info.SizeC
            || rect.Height <= 0 || rect.Width <= 0 || rect.Y0 < 0 || rect.X0 < 0
            || rect.Y0 + rect.Height > level.SizeY || rect.X0 + rect.Width > level.SizeX)
        {
            throw new ArgumentOutOfRangeException(
                nameof(rect),
                $"{rect} lies outside series {rect.Series} level {rect.Level} (T {info.SizeT}, C {info.SizeC}, Z {info.SizeZ}, {level.SizeY}×{level.SizeX}).");
        }

        var needed = (long)rect.CCount * rect.Height * rect.Width * layout.Levels[0][0].BytesPerSample;
        if (destinationLength < needed)
        {
            throw new ArgumentException($"The destination holds {destinationLength} bytes; {rect} needs {needed}.", nameof(destinationLength));
        }

        return layout;
    }

    /// <summary>A block to decode and the channels of the destination its samples fill.</summary>
    private readonly record struct BlockJob(TiffIfd Ifd, int BlockIndex, long BlockY0, long BlockX0, int FirstSample, int SampleCount, int FirstChannel);
}
