using System.Text.Json;
using Azure.Data.Tables;
using Minerva.Service.Records;

namespace Minerva.Service.Storage;

public sealed partial class TableRecordStore
{
    public Task PutFilesetAsync(FilesetRecord fileset, CancellationToken ct = default) =>
        UpsertAsync(_filesets, new TableEntity(fileset.ImportUuid, fileset.Uuid)
        {
            ["Owner"] = fileset.Owner,
            ["Name"] = fileset.Name,
            ["SourceKey"] = fileset.SourceKey,
            ["Reader"] = fileset.Reader,
            ["Status"] = fileset.Status.ToString(),
            ["Progress"] = fileset.Progress,
            ["Error"] = fileset.Error,
            ["Sha256"] = fileset.Sha256,
            ["ImageUuids"] = JsonSerializer.Serialize(fileset.ImageUuids),
            ["Updated"] = fileset.Updated,
        }, ct);

    public Task<IReadOnlyList<FilesetRecord>> ListFilesetsAsync(string importUuid, CancellationToken ct = default) =>
        QueryAsync(_filesets, TableClient.CreateQueryFilter($"PartitionKey eq {importUuid}"), ReadFileset, ct);

    private static FilesetRecord ReadFileset(TableEntity e) => new(
        e.RowKey,
        e.PartitionKey,
        e.GetString("Owner"),
        e.GetString("Name"),
        e.GetString("SourceKey"),
        e.GetString("Reader"),
        Enum.Parse<FilesetStatus>(e.GetString("Status")),
        e.GetDouble("Progress") ?? 0,
        e.GetString("Error"),
        e.GetString("Sha256"),
        JsonSerializer.Deserialize<string[]>(e.GetString("ImageUuids")) ?? [],
        e.GetDateTimeOffset("Updated")!.Value);
}
