using Azure.Data.Tables;
using Minerva.Service.Records;

namespace Minerva.Service.Storage;

public sealed partial class TableRecordStore
{
    public Task PutUploadSealAsync(string bucket, UploadSealRecord seal, CancellationToken ct = default)
    {
        var entity = new TableEntity(bucket, seal.Session)
        {
            ["Prefix"] = seal.Prefix,
            ["Until"] = seal.Until,
        };
        if (seal.Sweep)
        {
            entity["Sweep"] = true;
        }

        // Merge: a seal without Sweep (a completed upload) written after one with it (a cancellation) keeps the sweep.
        return _uploadSeals.UpsertEntityAsync(entity, TableUpdateMode.Merge, ct);
    }

    public Task<IReadOnlyList<UploadSealRecord>> ListUploadSealsAsync(string bucket, CancellationToken ct = default) =>
        QueryAsync(
            _uploadSeals,
            TableClient.CreateQueryFilter($"PartitionKey eq {bucket}"),
            e => new UploadSealRecord(e.RowKey, e.GetString("Prefix"), e.GetDateTimeOffset("Until")!.Value, e.GetBoolean("Sweep") ?? false),
            ct);

    public Task DeleteUploadSealAsync(string bucket, string session, CancellationToken ct = default) =>
        _uploadSeals.DeleteEntityAsync(bucket, session, cancellationToken: ct);
}
