using System.Text.Json;
using Azure.Data.Tables;
using Minerva.Service.Records;

namespace Minerva.Service.Storage;

public sealed partial class TableRecordStore
{
    public Task PutImportAsync(ImportRecord import, CancellationToken ct = default) =>
        UpsertAsync(_imports, new TableEntity(import.Owner, import.Uuid)
        {
            ["RepositoryUuid"] = import.RepositoryUuid,
            ["Name"] = import.Name,
            ["Status"] = import.Status.ToString(),
            ["OnConflict"] = import.OnConflict.ToString(),
            ["FilesTotal"] = import.Progress.FilesTotal,
            ["FilesDone"] = import.Progress.FilesDone,
            ["RegionsTotal"] = import.Progress.RegionsTotal,
            ["RegionsDone"] = import.Progress.RegionsDone,
            ["BytesTotal"] = import.Progress.BytesTotal,
            ["BytesDone"] = import.Progress.BytesDone,
            ["Levels"] = JsonSerializer.Serialize(import.Progress.Levels),
            ["Errors"] = JsonSerializer.Serialize(import.Errors),
            ["Created"] = import.Created,
            ["Updated"] = import.Updated,
        }, ct);

    public Task<ImportRecord?> GetImportAsync(string owner, string uuid, CancellationToken ct = default) =>
        GetAsync(_imports, owner, uuid, ReadImport, ct);

    public Task<IReadOnlyList<ImportRecord>> ListImportsAsync(string owner, string? repositoryUuid, CancellationToken ct = default) =>
        QueryAsync(
            _imports,
            repositoryUuid is null
                ? TableClient.CreateQueryFilter($"PartitionKey eq {owner}")
                : TableClient.CreateQueryFilter($"PartitionKey eq {owner} and RepositoryUuid eq {repositoryUuid}"),
            ReadImport,
            ct);

    /// <summary>Every owner's imports that are still awaiting their upload or processing (for the watchdog).</summary>
    public Task<IReadOnlyList<ImportRecord>> ListUnfinishedImportsAsync(CancellationToken ct = default) =>
        QueryAsync(
            _imports,
            TableClient.CreateQueryFilter($"Status eq {nameof(ImportStatus.AwaitingUpload)} or Status eq {nameof(ImportStatus.Processing)}"),
            ReadImport,
            ct);

    private static ImportRecord ReadImport(TableEntity e) => new(
        e.RowKey,
        e.PartitionKey,
        e.GetString("RepositoryUuid"),
        e.GetString("Name"),
        Enum.Parse<ImportStatus>(e.GetString("Status")),
        new ImportProgress(
            e.GetInt32("FilesTotal") ?? 0,
            e.GetInt32("FilesDone") ?? 0,
            e.GetInt64("RegionsTotal") ?? 0,
            e.GetInt64("RegionsDone") ?? 0)
        {
            BytesTotal = e.GetInt64("BytesTotal") ?? 0,
            BytesDone = e.GetInt64("BytesDone") ?? 0,
            Levels = e.GetString("Levels") is { } levels ? JsonSerializer.Deserialize<LevelProgress[]>(levels) ?? [] : [],
        },
        JsonSerializer.Deserialize<string[]>(e.GetString("Errors")) ?? [],
        e.GetDateTimeOffset("Created")!.Value,
        e.GetDateTimeOffset("Updated")!.Value)
    {
        OnConflict = e.GetString("OnConflict") is { } onConflict ? Enum.Parse<OnConflict>(onConflict) : OnConflict.Ignore,
    };
}
