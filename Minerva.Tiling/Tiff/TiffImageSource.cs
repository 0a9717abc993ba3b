using System.Buffers;
using Minerva.Tiling.IO;
using Minerva.Tiling.Model;
using Minerva.Tiling.Ome;

namespace Minerva.Tiling.Tiff;

/// <summary>
/// A TIFF, BigTIFF or OME-TIFF opened for reading rectangles of its planes. Only the tiles or strips a
/// rectangle touches are fetched and decoded, each once for all the channels it holds; blocks stored back to
/// back are fetched in one range read (many small strips would otherwise be many requests to S3).
/// Safe for concurrent <see cref="ReadAsync"/> calls.
/// </summary>
public sealed class TiffImageSource : IPixelSource
{
    /// <summary>The largest range one read fetches for several adjacent blocks.</summary>
    private const int MaxGroupBytes = 8 << 20;

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
        var groups = GroupAdjacent(PlanBlocks(layout, rect));
        if (groups.Count == 1)
        {
            await ReadGroupAsync(groups[0], rect, destination, cancellationToken).ConfigureAwait(false);
            return;
        }

        // More in flight than cores: a remote source spends most of a read waiting.
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(4, Environment.ProcessorCount), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(groups, options, (group, token) => ReadGroupAsync(group, rect, destination, token)).ConfigureAwait(false);
    }

    public void Dispose() => _source.Dispose();

    private async ValueTask ReadGroupAsync(ReadGroup group, PlaneRect rect, Memory<byte> destination, CancellationToken cancellationToken)
    {
        var raw = ArrayPool<byte>.Shared.Rent(group.Length);
        try
        {
            await _source.ReadExactlyAsync(group.Offset, raw.AsMemory(0, group.Length), cancellationToken).ConfigureAwait(false);
            foreach (var job in group.Jobs)
            {
                var stored = raw.AsSpan((int)(job.Ifd.Offsets[job.BlockIndex] - group.Offset), (int)job.Ifd.ByteCounts[job.BlockIndex]);
                var block = TiffBlockDecoder.Decode(stored, job.Ifd, _file.BigEndian, job.BlockIndex, _source.Name);
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
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(raw);
        }
    }

    /// <summary>Runs of jobs whose stored bytes follow one another in the file, each run at most <see cref="MaxGroupBytes"/>.</summary>
    private static List<ReadGroup> GroupAdjacent(List<BlockJob> jobs)
    {
        var groups = new List<ReadGroup>();
        ReadGroup? current = null;
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
                current = new ReadGroup(offset) { Length = count };
                current.Jobs.Add(job);
                groups.Add(current);
            }
        }

        return groups;
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
            throw new ArgumentException($"The destination holds {destinationLength} bytes; {rect} needs {needed}.", "destination");
        }

        return layout;
    }

    /// <summary>Blocks fetched with one range read of <see cref="Length"/> bytes from <see cref="Offset"/>.</summary>
    private sealed class ReadGroup(long offset)
    {
        public long Offset { get; } = offset;

        public int Length { get; set; }

        public List<BlockJob> Jobs { get; } = [];
    }

    /// <summary>A block to decode and the channels of the destination its samples fill.</summary>
    private readonly record struct BlockJob(TiffIfd Ifd, int BlockIndex, long BlockY0, long BlockX0, int FirstSample, int SampleCount, int FirstChannel);
}
