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
        var levels = ByLevels(steps.Select(s => new LevelProgress(s.Totals.FirstLevel, s.Totals.LastLevel, s.Totals.Regions, s.Regions, s.Totals.Bytes, s.Bytes)));
        var progress = Of(import?.FilesTotal ?? filesets.Count, import?.FilesDone ?? 0, levels);

        var started = filesets.Select(f => f.BuildStarted).OfType<DateTime>().DefaultIfEmpty(now).Min();
        double elapsed = (now - started).TotalSeconds;
        var (done, total) = (progress.BytesDone, progress.BytesTotal);
        if (done > 0 && done < total)
        {
            progress = progress with { SecondsLeft = Math.Round(elapsed * (total - done) / done, 1) };
        }

        var fractions = steps
            .GroupBy(s => s.Fileset)
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Totals.Bytes) is > 0 and var total ? (double)g.Sum(s => s.Bytes) / total : 0);
        return (progress, fractions);
    }

    /// <summary>A finished build's steps as level groups, every region done.</summary>
    public static IReadOnlyList<LevelProgress> Built(IEnumerable<StepTotals> steps) =>
        ByLevels(steps.Select(s => new LevelProgress(s.FirstLevel, s.LastLevel, s.Regions, s.Regions, s.Bytes, s.Bytes)));

    /// <summary>An import's progress from its files and level groups (regions and bytes summed over them).</summary>
    public static ImportProgress Of(int filesTotal, int filesDone, IReadOnlyList<LevelProgress> levels) =>
        new(filesTotal, filesDone, levels.Sum(l => l.RegionsTotal), levels.Sum(l => l.RegionsDone))
        {
            BytesTotal = levels.Sum(l => l.BytesTotal),
            BytesDone = levels.Sum(l => l.BytesDone),
            Levels = levels,
        };

    /// <summary>Sums progress of the same level group (several series, several files) into one entry per group.</summary>
    public static IReadOnlyList<LevelProgress> ByLevels(IEnumerable<LevelProgress> parts) => parts
        .GroupBy(p => (p.FirstLevel, p.LastLevel))
        .OrderBy(g => g.Key)
        .Select(g => new LevelProgress(
            g.Key.FirstLevel, g.Key.LastLevel, g.Sum(p => p.RegionsTotal), g.Sum(p => p.RegionsDone), g.Sum(p => p.BytesTotal), g.Sum(p => p.BytesDone)))
        .ToList();
}
