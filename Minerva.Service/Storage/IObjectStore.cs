using Minerva.Tiling.IO;

namespace Minerva.Service.Storage;

/// <summary>An object in the bucket; its ETag changes whenever its content does.</summary>
public sealed record StoredObject(string Key, long Size, string ETag);

/// <summary>Temporary S3 credentials limited to one key prefix.</summary>
public sealed record UploadCredentials(
    string AccessKeyId,
    string SecretAccessKey,
    string SessionToken,
    DateTimeOffset Expiration,
    string Bucket,
    string KeyPrefix,
    string Region,
    string Endpoint);

/// <summary>
/// The service's bucket (S3 through AWSSDK.S3, path-style; Ceph RGW locally): uploads, OME-Zarr output, archive.
/// </summary>
public interface IObjectStore
{
    string Bucket { get; }

    Task<IReadOnlyList<StoredObject>> ListAsync(string prefix, CancellationToken ct = default);

    /// <summary>
    /// Random access to one object by HTTP range (for the TIFF reader). With <paramref name="etag"/>, every read
    /// is of that version of the object only: a read after the object changed throws <see cref="Minerva.Tiling.InvalidImageException"/>.
    /// </summary>
    /// <param name="name">What errors call the object (the file's name as its uploader knows it); the key by default.</param>
    Task<IByteSource> OpenAsync(string key, string? etag = null, string? name = null, CancellationToken ct = default);

    /// <summary>A chunk store whose keys live under <paramref name="prefix"/> (ends with '/').</summary>
    IChunkStore ChunkStore(string prefix);

    /// <summary>
    /// A stream of the object, or of a byte range of it (inclusive end as in HTTP); null when absent. With
    /// <paramref name="etag"/>, only that version: a changed object throws <see cref="Minerva.Tiling.InvalidImageException"/>.
    /// </summary>
    Task<ObjectStream?> GetAsync(string key, long? from = null, long? to = null, string? etag = null, CancellationToken ct = default);

    /// <summary>The object's user metadata value <paramref name="name"/> (x-amz-meta-NAME); null when it has none.</summary>
    Task<string?> MetadataAsync(string key, string name, CancellationToken ct = default);

    Task PutAsync(string key, Stream content, CancellationToken ct = default);

    /// <summary>Removes every object (and pending multipart upload) under the prefix.</summary>
    Task DeletePrefixAsync(string prefix, CancellationToken ct = default);

    Task DeleteAsync(string key, CancellationToken ct = default);

    /// <summary>Copies an object to a new key (or in place) with a storage class, e.g. GLACIER for archive.</summary>
    Task CopyAsync(string sourceKey, string destinationKey, string? storageClass, CancellationToken ct = default);

    /// <summary>
    /// Archives an uploaded original (the "Archive" raw-storage policy): copied in place into the archive storage class,
    /// or, on an endpoint without one, moved to <see cref="ArchiveKey"/>. Idempotent.
    /// </summary>
    Task ArchiveAsync(string key, CancellationToken ct = default);

    /// <summary>Where <see cref="ArchiveAsync"/> keeps an object (or the objects under a prefix): the same key, or under the archive prefix.</summary>
    string ArchiveKey(string key);

    /// <summary>STS AssumeRole with a session policy that allows writing only under <paramref name="prefix"/>.</summary>
    Task<UploadCredentials> CreateUploadCredentialsAsync(string prefix, TimeSpan duration, CancellationToken ct = default);
}

/// <summary>An object's bytes (or a range of them) with what an HTTP response needs; <see cref="ETag"/> is quoted, as S3 gives it.</summary>
public sealed record ObjectStream(Stream Content, long Length, long TotalLength, string? ContentType, string? ETag = null) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
