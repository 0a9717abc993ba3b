using Azure.Data.Tables;
using Minerva.Service.Records;

namespace Minerva.Service.Storage;

public sealed partial class TableRecordStore
{
    public Task CreateRepositoryAsync(RepositoryRecord repository, CancellationToken ct = default) =>
        _repositories.AddEntityAsync(new TableEntity(repository.Owner, repository.Uuid)
        {
            ["Name"] = repository.Name,
            ["RawStorage"] = repository.RawStorage.ToString(),
            ["Created"] = repository.Created,
        }, ct);

    public Task<RepositoryRecord?> GetRepositoryAsync(string owner, string uuid, CancellationToken ct = default) =>
        GetAsync(_repositories, owner, uuid, ReadRepository, ct);

    public Task<IReadOnlyList<RepositoryRecord>> ListRepositoriesAsync(string owner, CancellationToken ct = default) =>
        QueryAsync(_repositories, TableClient.CreateQueryFilter($"PartitionKey eq {owner}"), ReadRepository, ct);

    private static RepositoryRecord ReadRepository(TableEntity e) => new(
        e.RowKey,
        e.PartitionKey,
        e.GetString("Name"),
        Enum.Parse<RawStorage>(e.GetString("RawStorage")),
        e.GetDateTimeOffset("Created")!.Value);
}
