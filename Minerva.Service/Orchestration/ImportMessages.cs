using Minerva.Service.Records;
using Minerva.Tiling.Model;
using Minerva.Tiling.Pyramid;

namespace Minerva.Service.Orchestration;

// The small, serializable values the import orchestration passes between orchestrators and activities.
// Never pixel data; plans are recomputed from (series, tiling) where needed, so histories stay small.

/// <summary>Which import an orchestration or activity works for; the owner lets activities read the owner's records.</summary>
public sealed record ImportRef(string Uuid, string Owner, string RepositoryUuid);

/// <summary>
/// The import orchestration's input. The timeout and tiling options travel with it, so the orchestrator never reads
/// configuration (deterministic on replay) and both hosts behave the same.
/// </summary>
public sealed record ImportInput(ImportRef Import, TimeSpan UploadTimeout, TileOptions Tiling);

/// <summary>The upload-complete external event.</summary>
public sealed record UploadComplete(OnConflict OnConflict)
{
    public const string EventName = "UploadComplete";
}

/// <summary>The import orchestration's output: the final status and the errors of failed filesets.</summary>
public sealed record ImportOutcome(ImportStatus Status, IReadOnlyList<string> Errors);

/// <summary>One uploaded file: its fileset uuid, its name (path under the import prefix) and its object key.</summary>
public sealed record FilesetRef(string Uuid, string Name, string SourceKey);

public sealed record ScanRequest(ImportRef Import, FilesetRef Fileset, OnConflict OnConflict);

/// <summary>
/// What scanning a file found. Exactly one holds: <see cref="Error"/> (the fileset failed and is recorded so),
/// <see cref="LinkedImages"/> (already in the repository: the fileset is recorded complete, nothing to build),
/// or <see cref="Series"/> to build.
/// </summary>
public sealed record FileScan(string? Sha256, IReadOnlyList<string> LinkedImages, IReadOnlyList<SeriesInfo> Series, string? Error);

/// <summary>The per-file sub-orchestration's input: one image uuid per series, and every fileset's region count for import progress.</summary>
public sealed record FilesetBuild(
    ImportRef Import,
    FilesetRef Fileset,
    string Sha256,
    IReadOnlyList<SeriesInfo> Series,
    IReadOnlyList<string> ImageUuids,
    TileOptions Tiling,
    OnConflict OnConflict,
    IReadOnlyList<FilesetRegions> ImportRegions);

/// <summary>How many regions a fileset's pyramids take.</summary>
public sealed record FilesetRegions(string FilesetUuid, long Regions);

/// <summary>A fileset's end: the images it produced, or its error.</summary>
public sealed record FilesetOutcome(IReadOnlyList<string> ImageUuids, string? Error);

/// <summary>Build one region of one series of a source file into the file's zarr root.</summary>
public sealed record RegionRequest(string SourceKey, string ZarrRoot, SeriesInfo Series, TileOptions Tiling, Region Region);

/// <summary>A region's data ranges, or why the source could not be read (not retried).</summary>
public sealed record RegionOutcome(RegionResult? Result, string? Error);

public sealed record ProgressUpdate(ImportRef Import, FilesetRef Fileset, string Sha256, long RegionsDone, long RegionsTotal, IReadOnlyList<FilesetRegions> ImportRegions);

/// <summary>Everything needed to finish a built fileset; windows are per series, aggregated over level 0.</summary>
public sealed record FilesetCompletion(
    ImportRef Import,
    FilesetRef Fileset,
    string Sha256,
    IReadOnlyList<SeriesInfo> Series,
    IReadOnlyList<string> ImageUuids,
    TileOptions Tiling,
    OnConflict OnConflict,
    IReadOnlyList<IReadOnlyList<ChannelRange>> Windows);

public sealed record FilesetFailure(ImportRef Import, FilesetRef Fileset, string? Sha256, string Error);

/// <summary>Sets the import record's status; progress and errors when given.</summary>
public sealed record ImportUpdate(ImportRef Import, ImportStatus Status, ImportProgress? Progress, IReadOnlyList<string>? Errors);

/// <summary>The parent orchestration's custom status (progress for GET /import/{uuid}/orchestration).</summary>
public sealed record ImportCustomStatus(string Phase, ImportProgress Progress);

/// <summary>A fileset sub-orchestration's custom status.</summary>
public sealed record FilesetCustomStatus(string Fileset, string Name, long RegionsDone, long RegionsTotal);
