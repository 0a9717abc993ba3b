using Minerva.Service.Records;

namespace Minerva.Service.Orchestration;

/// <summary>
/// An import's progress while it runs, summed from the custom statuses its orchestrations publish: the fileset
/// orchestrations say what each plan step builds, the region batches how much of it is done, region by region.
/// Nothing is written per region for it, and it moves as each region finishes.
/// </summary>
public static class LiveProgress
{
    /// <summary>
    /// The import's progress (<see cref="ImportProgress"/>, with levels and an estimate of the time left from the
    /// build's rate so far) and each fileset's fraction done, by fileset uuid.
    /// </summary>
    public static (ImportProgress Import, IReadOnlyDictionary<string, double> Filesets) Summarize(
        ImportCustomStatus? import, IReadOnlyList<FilesetCustomStatus> filesets, IReadOnlyList<BatchCustomStatus> batches, DateTime now)
    {
        var steps = filesets
            .SelectMany(f => f.Steps.Select(s => (Fileset: f.Fileset, Totals: s)))
            .Select(s => (s.Fileset, s.Totals, Done: batches.Where(b => b.Fileset == s.Fileset && b.Series == s.Totals.Series && b.Step == s.Totals.Step).ToList()))
            .Select(s => (s.Fileset, s.Totals, Regions: s.Done.Sum(b => b.RegionsDone), Bytes: s.Done.Sum(b => b.BytesDone)))
            .ToList();
        var levels = steps
            .GroupBy(s => (s.Totals.FirstLevel, s.Totals.LastLevel))
            .OrderBy(g => g.Key)
            .Select(g => new LevelProgress(
                g.Key.FirstLevel, g.Key.LastLevel, g.Sum(s => s.Totals.Regions), g.Sum(s => s.Regions), g.Sum(s => s.Totals.Bytes), g.Sum(s => s.Bytes)))
            .ToList();
        long bytesTotal = levels.Sum(l => l.BytesTotal), bytesDone = levels.Sum(l => l.BytesDone);

        var started = filesets.Select(f => f.BuildStarted).OfType<DateTime>().DefaultIfEmpty(now).Min();
        double elapsed = (now - started).TotalSeconds;
        double? left = bytesDone > 0 && bytesDone < bytesTotal ? elapsed * (bytesTotal - bytesDone) / bytesDone : null;

        var progress = new ImportProgress(import?.FilesTotal ?? filesets.Count, import?.FilesDone ?? 0, levels.Sum(l => l.RegionsTotal), levels.Sum(l => l.RegionsDone))
        {
            BytesTotal = bytesTotal,
            BytesDone = bytesDone,
            Levels = levels,
            SecondsLeft = left is null ? null : Math.Round(left.Value, 1),
        };
        var fractions = steps
            .GroupBy(s => s.Fileset)
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Totals.Bytes) is > 0 and var total ? (double)g.Sum(s => s.Bytes) / total : 0);
        return (progress, fractions);
    }
}
