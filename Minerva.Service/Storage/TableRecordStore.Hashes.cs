using System.Text.Json;
using Azure.Data.Tables;

namespace Minerva.Service.Storage;

public sealed partial class TableRecordStore
{
    public async Task<IReadOnlyList<string>> FindImagesByHashAsync(string repositoryUuid, string sha256, CancellationToken ct = default) =>
        await GetAsync(_hashes, repositoryUuid, sha256, ReadImageUuids, ct) ?? [];

    /// <summary>Records which images a source hash produced; an empty list forgets the hash.</summary>
    public async Task PutHashAsync(string repositoryUuid, string sha256, IReadOnlyList<string> imageUuids, CancellationToken ct = default)
    {
        if (imageUuids.Count == 0)
        {
            await _hashes.DeleteEntityAsync(repositoryUuid, sha256, cancellationToken: ct);
            return;
        }

        await UpsertAsync(_hashes, new TableEntity(repositoryUuid, sha256) { ["ImageUuids"] = JsonSerializer.Serialize(imageUuids) }, ct);
    }

    public async Task<IReadOnlyList<string>> MissingHashesAsync(string owner, IReadOnlyList<string> sha256s, CancellationToken ct = default)
    {
        var repositories = await ListRepositoriesAsync(owner, ct);
        var held = await Task.WhenAll(sha256s.Select(async sha256 =>
        {
            foreach (var repository in repositories)
            {
                if ((await FindImagesByHashAsync(repository.Uuid, sha256, ct)).Count > 0)
                {
                    return true;
                }
            }

            return false;
        }));
        return [.. sha256s.Where((_, i) => !held[i])];
    }

    private static string[] ReadImageUuids(TableEntity e) => JsonSerializer.Deserialize<string[]>(e.GetString("ImageUuids")) ?? [];
}
