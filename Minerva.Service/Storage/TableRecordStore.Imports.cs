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
            ["FilesTotal"] = import.Progress.FilesTotal,
            ["FilesDone"] = import.Progress.FilesDone,
            ["RegionsTotal"] = import.Progress.RegionsTotal,
            ["RegionsDone"] = import.Progress.RegionsDone,
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
            e.GetInt64("RegionsDone") ?? 0),
        JsonSerializer.Deserialize<string[]>(e.GetString("Errors")) ?? [],
        e.GetDateTimeOffset("Created")!.Value,
        e.GetDateTimeOffset("Updated")!.Value)
    {
        Uploads = e.GetInt32("UploadsCount") is { } count ? new FileUploads(count, e.GetDateTimeOffset("UploadsRenewed") ?? DateTimeOffset.MinValue) : null,
    };
}
