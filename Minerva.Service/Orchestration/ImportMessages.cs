using Minerva.Service.Records;
using Minerva.Service.Storage;
using Minerva.Tiling.Model;
using Minerva.Tiling.Pyramid;

namespace Minerva.Service.Orchestration;

// The small, serializable values the import orchestration passes between orchestrators and activities.
// Never pixel data; plans are recomputed from (series, tiling) where needed, so histories stay small.

/// <summary>Which import an orchestration or activity works for; the owner lets activities read the owner's records.</summary>
public sealed record ImportRef(string Uuid, string Owner, string RepositoryUuid);

/// <summary>
/// The import orchestration's input. The timeout and tiling options travel with it, so the orchestrator never reads
/// configuration (deterministic on replay) and both hosts behave the same. <paramref name="Completed"/> is set when
/// the orchestration is started after its upload was already completed (a repaired import): it does not wait then.
/// <paramref name="ActivityBytes"/>: the pixels one activity builds (<see cref="TilingOptions.ActivityBytes"/>).
/// </summary>
public sealed record ImportInput(
    ImportRef Import, TimeSpan UploadTimeout, TileOptions Tiling, UploadComplete? Completed = null, long ActivityBytes = TilingOptions.DefaultActivityBytes);

/// <summary>The upload-complete external event.</summary>
public sealed record UploadComplete(OnConflict OnConflict)
{
    public const string EventName = "UploadComplete";
}

/// <summary>The import orchestration's output: the final status and the errors of failed filesets.</summary>
public sealed record ImportOutcome(ImportStatus Status, IReadOnlyList<string> Errors);

/// <summary>The files uploaded for an import, and how many POST /files settled by their hash alone (already complete).</summary>
public sealed record UploadListing(IReadOnlyList<StoredObject> Files, int LinkedAtUpload);

/// <summary>
/// One uploaded file: its fileset uuid, its name (path under the import prefix), its object key and the ETag of the
/// version being imported (every read asks for that version, so a later upload under the same key cannot mix in).
/// </summary>
public sealed record FilesetRef(string Uuid, string Name, string SourceKey, string SourceETag);

/// <summary>The per-file sub-orchestration's input.</summary>
public sealed record FilesetBuild(ImportRef Import, FilesetRef Fileset, TileOptions Tiling, OnConflict OnConflict, long ActivityBytes);

/// <summary>
/// What inspecting a file found. Exactly one holds: <see cref="Error"/> (the fileset failed and is recorded so),
/// <see cref="LinkedImages"/> (already in the repository: the fileset is recorded complete, nothing to build), or
/// <see cref="Series"/> to build. <see cref="DeclaredSha256"/> is the hash the uploader declared, verified while building.
/// </summary>
public sealed record FileInspection(IReadOnlyList<SeriesInfo> Series, string? DeclaredSha256, IReadOnlyList<string> LinkedImages, string? Error);

public sealed record InspectRequest(ImportRef Import, FilesetRef Fileset, OnConflict OnConflict);

/// <summary>A fileset's end: the images it produced (or linked), its error, and what it built per level group.</summary>
public sealed record FilesetOutcome(IReadOnlyList<string> ImageUuids, string? Error, IReadOnlyList<LevelProgress>? Built = null);

/// <summary>
/// One batch of a plan step's regions, built by its own sub-orchestration so that no history grows with the image:
/// regions [First, First + Count) of step <paramref name="Step"/> of the series' plan (recomputed from series and
/// tiling), in runs of <paramref name="RunLength"/> regions, one activity each.
/// </summary>
public sealed record RegionBatch(FilesetRef Fileset, string ZarrRoot, SeriesInfo Series, TileOptions Tiling, int Step, int First, int Count, int RunLength);

/// <summary>What a batch found: the per-channel data ranges of its level-0 regions, or the first region's error.</summary>
public sealed record BatchOutcome(IReadOnlyList<ChannelRange> Channels, string? Error);

/// <summary>
/// Build regions [First, First + Count) of step <paramref name="Step"/> of one series of a source file into the
/// file's zarr root (the series and its plan are read from the source).
/// </summary>
public sealed record RegionRun(FilesetRef Fileset, string ZarrRoot, int Series, TileOptions Tiling, int Step, int First, int Count);

/// <summary>A run's data ranges (of its level-0 regions), or why the source could not be read (not retried).</summary>
public sealed record RegionOutcome(RegionResult? Result, string? Error);

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
