namespace Minerva.Service.Orchestration;

// The custom statuses the import's orchestrations publish as they go. Written at every orchestrator turn for free
// (they are part of the checkpoint), they are where live progress comes from: see LiveProgress.

/// <summary>The import orchestration's custom status: its phase and how many of its files have finished.</summary>
public sealed record ImportCustomStatus(string Phase, int FilesTotal, int FilesDone);

/// <summary>
/// A fileset sub-orchestration's custom status: its phase, when its build began (orchestration time) and what each
/// step of each series' plan builds, so the batches' counts can be read against totals.
/// </summary>
public sealed record FilesetCustomStatus(string Fileset, string Name, string Phase, DateTime? BuildStarted, IReadOnlyList<StepTotals> Steps);

/// <summary>One plan step of one series: the levels its regions write, how many regions, how many raw pixel bytes.</summary>
public sealed record StepTotals(int Series, int Step, int FirstLevel, int LastLevel, long Regions, long Bytes);

/// <summary>A region batch's custom status, updated as each of its regions finishes.</summary>
public sealed record BatchCustomStatus(string Fileset, int Series, int Step, long RegionsDone, long BytesDone);
