using Minerva.Service.Records;

namespace Minerva.Service.Api.Models;

/// <summary>POST /import.</summary>
public sealed record CreateImportRequest(string? Name, string? RepositoryUuid);

/// <summary>PUT /import/{uuid}: {"complete": true, "on_conflict"?}.</summary>
public sealed record CompleteImportRequest(bool? Complete, string? OnConflict);

/// <summary>
/// {"files_total","files_done","regions_total","regions_done","bytes_total","bytes_done","percent","seconds_left",
/// "levels":[{"first_level","last_level","regions_total","regions_done","bytes_total","bytes_done"}]}.
/// </summary>
public sealed record ProgressResponse(
    int FilesTotal,
    int FilesDone,
    long RegionsTotal,
    long RegionsDone,
    long BytesTotal,
    long BytesDone,
    double Percent,
    double? SecondsLeft,
    IReadOnlyList<LevelProgress> Levels)
{
    /// <summary>Percent of the planned pixel bytes built (of regions where bytes are unknown); a finished import with nothing to build is at 100.</summary>
    public static ProgressResponse From(ImportProgress p, ImportStatus status) => new(
        p.FilesTotal,
        p.FilesDone,
        p.RegionsTotal,
        p.RegionsDone,
        p.BytesTotal,
        p.BytesDone,
        p.BytesTotal > 0 ? Math.Round(100.0 * p.BytesDone / p.BytesTotal, 1)
            : p.RegionsTotal > 0 ? Math.Round(100.0 * p.RegionsDone / p.RegionsTotal, 1)
            : status == ImportStatus.Complete ? 100 : 0,
        p.SecondsLeft,
        p.Levels);
}

/// <summary>{"uuid","name","repository_uuid","status","progress","errors","created","updated"}.</summary>
public sealed record ImportResponse(
    string Uuid,
    string Name,
    string RepositoryUuid,
    ImportStatus Status,
    ProgressResponse Progress,
    IReadOnlyList<string> Errors,
    DateTimeOffset Created,
    DateTimeOffset Updated)
{
    public static ImportResponse From(ImportRecord i) =>
        new(i.Uuid, i.Name, i.RepositoryUuid, i.Status, ProgressResponse.From(i.Progress, i.Status), i.Errors, i.Created, i.Updated);
}

/// <summary>GET /import/{uuid}/credentials.</summary>
public sealed record CredentialsResponse(
    string AccessKeyId,
    string SecretAccessKey,
    string SessionToken,
    DateTimeOffset Expiration,
    string Bucket,
    string KeyPrefix,
    string Region,
    string Endpoint);
