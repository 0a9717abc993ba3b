using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Minerva.Service.Records;

namespace Minerva.Service.Storage;

public sealed partial class TableRecordStore
{
    public Task PutImportAsync(ImportRecord import, CancellationToken ct = default) => UpsertAsync(_imports, ImportEntity(import), ct);

    public Task<ImportRecord?> GetImportAsync(string owner, string uuid, CancellationToken ct = default) =>
        GetAsync(_imports, owner, uuid, ReadImport, ct);

    public async Task<ImportChange?> ChangeImportAsync(string owner, string uuid, Func<ImportRecord, ImportRecord?> change, CancellationToken ct = default)
    {
        while (true)
        {
            var stored = await _imports.GetEntityIfExistsAsync<TableEntity>(owner, uuid, cancellationToken: ct);
            if (!stored.HasValue)
            {
                return null;
            }

            var current = ReadImport(stored.Value!);
            if (change(current) is not { } changed)
            {
                return new ImportChange(current, false);
            }

            if ((changed.Owner, changed.Uuid) != (owner, uuid))
            {
                throw new InvalidOperationException($"A change of import {uuid} must not move it to another owner or uuid.");
            }

            try
            {
                // If-Match on the ETag read above: the write lands only if nobody wrote in between.
                await _imports.UpdateEntityAsync(ImportEntity(changed), stored.Value!.ETag, TableUpdateMode.Replace, ct);
                return new ImportChange(changed, true);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Another writer was first: decide again on what it stored.
            }
        }
    }

    public Task<IReadOnlyList<ImportRecord>> ListImportsAsync(string owner, string? repositoryUuid, CancellationToken ct = default) =>
        QueryAsync(
            _imports,
            repositoryUuid is null
                ? TableClient.CreateQueryFilter($"PartitionKey eq {owner}")
                : TableClient.CreateQueryFilter($"PartitionKey eq {owner} and RepositoryUuid eq {repositoryUuid}"),
            ReadImport,
            ct);

    private static TableEntity ImportEntity(ImportRecord import)
    {
        var entity = new TableEntity(import.Owner, import.Uuid)
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
        };
        if (import.Uploads is { } uploads)
        {
            entity["UploadsCount"] = uploads.Count;
            entity["UploadsRenewed"] = uploads.Renewed;
        }

        return entity;
    }

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
        Uploads = e.GetInt32("UploadsCount") is { } count ? new FileUploads(count, e.GetDateTimeOffset("UploadsRenewed") ?? DateTimeOffset.MinValue) : null,
    };
}
