using Minerva.Tiling.Akoya;
using Minerva.Tiling.Aperio;
using Minerva.Tiling.IO;
using Minerva.Tiling.Model;
using Minerva.Tiling.Ome;

namespace Minerva.Tiling.Tiff;

/// <summary>
/// A TIFF, BigTIFF, OME-TIFF, Aperio SVS or Akoya QPTIFF opened for reading rectangles of its planes. Only the tiles or strips a
/// rectangle touches are fetched and decoded, each once for all the channels it holds; blocks stored back to
/// back are fetched in one range read (many small strips would otherwise be many requests to S3).
/// Safe for concurrent <see cref="ReadAsync"/> calls.
/// </summary>
public sealed class TiffImageSource : IPixelSource
{
    private readonly IByteSource _source;
    private readonly TiffFile _file;
    private readonly IReadOnlyList<SeriesLayout> _series;

    private TiffImageSource(IByteSource source, TiffFile file, IReadOnlyList<SeriesLayout> series, string? omeXml, string format)
    {
        _source = source;
        _file = file;
        _series = series;
        Info = new ImageInfo(omeXml, series.Select(s => s.Info).ToList(), format);
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
        var (series, format) = omeXml is not null ? (OmeTiffSeries.Build(file, OmeXmlParser.Parse(omeXml, source.Name), source.Name), ImageFormats.OmeTiff)
            : AperioDescription.Recognises(description) ? (SvsSeries.Build(file, source.Name), ImageFormats.AperioSvs)
            : QptiffDescription.Recognises(description) ? (QptiffSeries.Build(file, source.Name), ImageFormats.Qptiff)
            : (PlainTiffSeries.Build(file, source.Name), ImageFormats.Tiff);
        foreach (var ifd in series.SelectMany(s => s.Levels).SelectMany(level => level).Distinct())
        {
            TiffIfdChecks.CheckBlocks(ifd, source.Name, source.Length);
        }

        return new TiffImageSource(source, file, series, omeXml, format);
    }

    public async ValueTask ReadAsync(PlaneRect rect, Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        var layout = Validate(rect, destination.Length);
        var groups = TiffReadPlanner.Plan(layout, rect);
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

    private async ValueTask ReadGroupAsync(TiffReadGroup group, PlaneRect rect, Memory<byte> destination, CancellationToken cancellationToken)
    {
        var raw = LargeBuffers.Rent(group.Length);
        try
        {
            await _source.ReadExactlyAsync(group.Offset, raw.Memory[..group.Length], cancellationToken).ConfigureAwait(false);
            if (group.Jobs.Count == 1)
            {
                DecodeAndCopy(raw, group, group.Jobs[0], rect, destination.Span);
            }
            else
            {
                // One read may bring many strips; decoding them is the costly part, so spread it over the cores.
                // (ForEachAsync rethrows the first error itself, where Parallel.ForEach would wrap it.)
                var options = new ParallelOptions { CancellationToken = cancellationToken };
                await Parallel.ForEachAsync(group.Jobs, options, (job, _) =>
                {
                    DecodeAndCopy(raw, group, job, rect, destination.Span);
                    return ValueTask.CompletedTask;
                }).ConfigureAwait(false);
            }
        }
        finally
        {
            LargeBuffers.Return(raw);
        }
    }

    private void DecodeAndCopy(LargeBuffer raw, TiffReadGroup group, TiffBlockJob job, PlaneRect rect, Span<byte> destination)
    {
        var stored = raw.Span.Slice((int)(job.Ifd.Offsets[job.BlockIndex] - group.Offset), (int)job.Ifd.ByteCounts[job.BlockIndex]);
        var block = TiffBlockDecoder.Decode(stored, job.Ifd, _file.BigEndian, job.BlockIndex, _source.Name);
        try
        {
            TiffRegionCopier.Copy(
                block.Span, job.Ifd, job.BlockY0, job.BlockX0, TiffBlockDecoder.RowsOf(job.Ifd, job.BlockIndex),
                job.FirstSample, job.SampleCount, job.FirstChannel, rect, destination);
        }
        finally
        {
            LargeBuffers.Return(block);
        }
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
}
