using System.Text.Json;
using Azure.Data.Tables;
using Minerva.Service.Records;

namespace Minerva.Service.Storage;

public sealed partial class TableRecordStore
{
    public Task PutImageAsync(ImageRecord image, CancellationToken ct = default) =>
        UpsertAsync(_images, new TableEntity(image.Owner, image.Uuid)
        {
            ["RepositoryUuid"] = image.RepositoryUuid,
            ["FilesetUuid"] = image.FilesetUuid,
            ["Name"] = image.Name,
            ["Series"] = image.Series,
            ["Location"] = image.Location,
            ["Levels"] = image.Levels,
            ["Shape"] = JsonSerializer.Serialize(image.Shape),
            ["Dtype"] = image.Dtype,
            ["Channels"] = JsonSerializer.Serialize(image.Channels),
            ["Sha256"] = image.Sha256,
            ["Created"] = image.Created,
        }, ct);

    public Task<ImageRecord?> GetImageAsync(string owner, string uuid, CancellationToken ct = default) =>
        GetAsync(_images, owner, uuid, ReadImage, ct);

    /// <summary>A cross-partition filter: images are partitioned by owner, and repository listings are rare.</summary>
    public Task<IReadOnlyList<ImageRecord>> ListImagesAsync(string repositoryUuid, CancellationToken ct = default) =>
        QueryAsync(_images, TableClient.CreateQueryFilter($"RepositoryUuid eq {repositoryUuid}"), ReadImage, ct);

    public Task DeleteImageAsync(ImageRecord image, CancellationToken ct = default) =>
        _images.DeleteEntityAsync(image.Owner, image.Uuid, cancellationToken: ct);

    private static ImageRecord ReadImage(TableEntity e) => new(
        e.RowKey,
        e.PartitionKey,
        e.GetString("RepositoryUuid"),
        e.GetString("FilesetUuid"),
        e.GetString("Name"),
        e.GetInt32("Series") ?? 0,
        e.GetString("Location"),
        e.GetInt32("Levels") ?? 0,
        JsonSerializer.Deserialize<long[]>(e.GetString("Shape")) ?? [],
        e.GetString("Dtype"),
        JsonSerializer.Deserialize<ChannelRecord[]>(e.GetString("Channels")) ?? [],
        e.GetString("Sha256"),
        e.GetDateTimeOffset("Created")!.Value);
}
