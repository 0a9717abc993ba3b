using Azure.Data.Tables;
using Minerva.Service.Records;

namespace Minerva.Service.Storage;

/// <summary>
/// Records in Azure Tables (Azurite locally). Owner-scoped tables use the owner as partition key, so a read
/// with another owner's name finds nothing and the handlers answer 404 for "not yours" as for "unknown". Table names
/// start with <paramref name="tablePrefix"/> (Minerva:TablePrefix), empty by default.
/// </summary>
public sealed partial class TableRecordStore(TableServiceClient service, string tablePrefix = "") : IRecordStore
{
    private readonly TableClient _repositories = service.GetTableClient(tablePrefix + "repositories");   // PK owner, RK uuid
    private readonly TableClient _imports = service.GetTableClient(tablePrefix + "imports");             // PK owner, RK uuid
    private readonly TableClient _filesets = service.GetTableClient(tablePrefix + "filesets");           // PK import uuid, RK uuid
    private readonly TableClient _images = service.GetTableClient(tablePrefix + "images");               // PK owner, RK uuid
    private readonly TableClient _hashes = service.GetTableClient(tablePrefix + "hashes");               // PK repository uuid, RK sha256 hex
    private readonly TableClient _uploadSeals = service.GetTableClient(tablePrefix + "uploadseals");      // PK bucket, RK STS session name

    /// <summary>Creates the tables when they do not exist yet (once, at startup).</summary>
    public async Task EnsureTablesAsync(CancellationToken ct = default)
    {
        foreach (var table in new[] { _repositories, _imports, _filesets, _images, _hashes, _uploadSeals })
        {
            await table.CreateIfNotExistsAsync(ct);
        }
    }

    private static async Task<T?> GetAsync<T>(TableClient table, string partition, string row, Func<TableEntity, T> read, CancellationToken ct)
        where T : class
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: ct);
        return response.HasValue ? read(response.Value!) : null;
    }

    private static async Task<IReadOnlyList<T>> QueryAsync<T>(TableClient table, string filter, Func<TableEntity, T> read, CancellationToken ct)
    {
        var results = new List<T>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            results.Add(read(entity));
        }

        return results;
    }

    private static Task UpsertAsync(TableClient table, TableEntity entity, CancellationToken ct) =>
        table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
}
