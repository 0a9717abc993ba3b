using System.Text.Json.Serialization;

namespace Minerva.Cli.Api;

// The API's answers as the client reads them. Fields the client does not show are left out: --json prints
// the raw answer, so nothing is lost for scripts.

/// <summary>What happens to an uploaded original once its pyramid is complete.</summary>
internal enum RawStorage
{
    Destroy,
    Archive,
    Live,
}

/// <summary>How an image whose name already exists in the repository is settled; sent lowercase.</summary>
internal enum OnConflict
{
    [JsonStringEnumMemberName("ignore")]
    Ignore,

    [JsonStringEnumMemberName("replace")]
    Replace,

    [JsonStringEnumMemberName("rename")]
    Rename,
}

internal enum ImportStatus
{
    AwaitingUpload,
    Processing,
    Complete,
    Failed,
    Expired,
    Cancelled,
}

internal sealed record Repository(string Uuid, string Name, RawStorage RawStorage);

internal sealed record ImportProgress(
    int FilesTotal,
    int FilesDone,
    long RegionsTotal,
    long RegionsDone,
    double Percent,
    long BytesTotal = 0,
    long BytesDone = 0,
    double? SecondsLeft = null,
    IReadOnlyList<LevelProgress>? Levels = null);

/// <summary>Regions and raw pixel bytes built of those planned for levels [FirstLevel, LastLevel].</summary>
internal sealed record LevelProgress(int FirstLevel, int LastLevel, long RegionsTotal, long RegionsDone, long BytesTotal, long BytesDone);

internal sealed record Import(
    string Uuid,
    string Name,
    string RepositoryUuid,
    ImportStatus Status,
    ImportProgress? Progress,
    IReadOnlyList<string>? Errors,
    DateTimeOffset? Created,
    DateTimeOffset? Updated)
{
    /// <summary>Complete, Failed, Expired and Cancelled are final: nothing changes the import after them.</summary>
    public bool IsFinished => Status is ImportStatus.Complete or ImportStatus.Failed or ImportStatus.Expired or ImportStatus.Cancelled;
}

/// <summary>Temporary S3 credentials that can write only under <see cref="KeyPrefix"/>.</summary>
internal sealed record UploadCredentials(
    string AccessKeyId,
    string SecretAccessKey,
    string SessionToken,
    DateTimeOffset Expiration,
    string Bucket,
    string KeyPrefix,
    string Region,
    string Endpoint);

/// <summary>An imported image; its signed links open it without the API key (null from a service without them).</summary>
internal sealed record Image(
    string Uuid,
    string Name,
    string Location,
    int Levels,
    IReadOnlyList<long> Shape,
    string Dtype,
    string Sha256,
    string? ZarrUrl,
    string? ViewerUrl);

internal sealed record Fileset(
    string Uuid,
    string Name,
    string Reader,
    bool Complete,
    string Status,
    double Progress,
    string? Error,
    IReadOnlyList<Image> Images);

internal sealed record NewRepository(string Name, RawStorage RawStorage);

internal sealed record NewImport(string Name, string RepositoryUuid);

internal sealed record UploadComplete(bool Complete, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] OnConflict? OnConflict);
