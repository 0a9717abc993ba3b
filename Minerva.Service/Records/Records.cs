namespace Minerva.Service.Records;

/// <summary>What happens to an uploaded original once its pyramid is complete.</summary>
public enum RawStorage
{
    Destroy,
    Archive,
    Live,
}

public enum ImportStatus
{
    AwaitingUpload,
    Processing,
    Complete,
    Failed,
    Expired,
    Cancelled,
}

public enum FilesetStatus
{
    Pending,
    Processing,
    Complete,
    Failed,
}

/// <summary>How an image whose name already exists in the repository is settled.</summary>
public enum OnConflict
{
    Ignore,
    Replace,
    Rename,
}

public sealed record RepositoryRecord(string Uuid, string Owner, string Name, RawStorage RawStorage, DateTimeOffset Created);

/// <summary>
/// Progress of an import: files finished, regions built and their raw pixel bytes of all planned, per group of levels
/// (the levels one plan step writes) and in all, with an estimate of the seconds left while it runs.
/// </summary>
public sealed record ImportProgress(int FilesTotal, int FilesDone, long RegionsTotal, long RegionsDone)
{
    public static readonly ImportProgress None = new(0, 0, 0, 0);

    public long BytesTotal { get; init; }

    public long BytesDone { get; init; }

    public IReadOnlyList<LevelProgress> Levels { get; init; } = [];

    /// <summary>Estimated seconds until the pyramids are built; null when not building or not yet known.</summary>
    public double? SecondsLeft { get; init; }
}

/// <summary>Regions and raw pixel bytes built of those planned for levels [FirstLevel, LastLevel] (written together).</summary>
public sealed record LevelProgress(int FirstLevel, int LastLevel, long RegionsTotal, long RegionsDone, long BytesTotal, long BytesDone);

public sealed record ImportRecord(
    string Uuid,
    string Owner,
    string RepositoryUuid,
    string Name,
    ImportStatus Status,
    ImportProgress Progress,
    IReadOnlyList<string> Errors,
    DateTimeOffset Created,
    DateTimeOffset Updated)
{
    /// <summary>How name conflicts are settled, as asked when the upload was completed (so a restarted orchestration knows).</summary>
    public OnConflict OnConflict { get; init; }

    /// <summary>The POST /import/{uuid}/files requests running on it; null when none.</summary>
    public FileUploads? Uploads { get; init; }

    /// <summary>Complete, Failed, Expired and Cancelled are final: nothing changes the import after them.</summary>
    public bool IsFinished => Status is ImportStatus.Complete or ImportStatus.Failed or ImportStatus.Expired or ImportStatus.Cancelled;
}

/// <summary>
/// POST /import/{uuid}/files requests running on the import: while one is (renewed recently), the upload cannot be
/// completed. A request that died without saying so stops counting once <paramref name="Renewed"/> is old.
/// </summary>
public sealed record FileUploads(int Count, DateTimeOffset Renewed);

/// <summary>One imported file (source key under the import prefix) and the images it produced.</summary>
public sealed record FilesetRecord(
    string Uuid,
    string ImportUuid,
    string Owner,
    string Name,
    string SourceKey,
    string Reader,
    FilesetStatus Status,
    double Progress,
    string? Error,
    string? Sha256,
    IReadOnlyList<string> ImageUuids,
    DateTimeOffset Updated)
{
    public bool Complete => Status == FilesetStatus.Complete;
}

public sealed record ChannelRecord(string Label, string Color);

/// <summary>
/// One OME-Zarr image (one series of a file). <see cref="Location"/> is the S3 key prefix of its zarr root;
/// <see cref="Shape"/> is [t, c, z, y, x] of level 0; <see cref="Sha256"/> is the lowercase hex hash of the source file.
/// </summary>
public sealed record ImageRecord(
    string Uuid,
    string Owner,
    string RepositoryUuid,
    string FilesetUuid,
    string Name,
    int Series,
    string Location,
    int Levels,
    IReadOnlyList<long> Shape,
    string Dtype,
    IReadOnlyList<ChannelRecord> Channels,
    string Sha256,
    DateTimeOffset Created);

/// <summary>
/// An import's upload prefix closed to its temporary credentials (STS session <paramref name="Session"/>) until
/// <paramref name="Until"/>, when every credential issued for it has expired; <paramref name="Sweep"/>: what landed
/// under the prefix meanwhile is removed then (a cancelled import).
/// </summary>
public sealed record UploadSealRecord(string Session, string Prefix, DateTimeOffset Until, bool Sweep);
