using Minerva.Service.Records;

namespace Minerva.Service.Storage;

/// <summary>
/// Records of repositories, imports, filesets, images and the per-repository hash index
/// (Azure Tables on Azurite locally). Reads by owner return null for another owner's uuid,
/// so handlers answer 404 for both "unknown" and "not yours".
/// </summary>
public interface IRecordStore
{
    Task CreateRepositoryAsync(RepositoryRecord repository, CancellationToken ct = default);
    Task<RepositoryRecord?> GetRepositoryAsync(string owner, string uuid, CancellationToken ct = default);
    Task<IReadOnlyList<RepositoryRecord>> ListRepositoriesAsync(string owner, CancellationToken ct = default);

    /// <summary>Inserts or replaces the import record.</summary>
    Task PutImportAsync(ImportRecord import, CancellationToken ct = default);
    Task<ImportRecord?> GetImportAsync(string owner, string uuid, CancellationToken ct = default);

    /// <summary>
    /// Changes the import atomically: <paramref name="change"/> sees the stored record and returns the new one, or
    /// null to leave it; when another writer got in between, it is asked again on what that writer stored. This is
    /// how a state change ("AwaitingUpload → Processing") happens once however many requests race for it. Null when
    /// the import does not exist.
    /// </summary>
    Task<ImportChange?> ChangeImportAsync(string owner, string uuid, Func<ImportRecord, ImportRecord?> change, CancellationToken ct = default);
    Task<IReadOnlyList<ImportRecord>> ListImportsAsync(string owner, string? repositoryUuid, CancellationToken ct = default);

    /// <summary>Every owner's imports still awaiting their upload or processing.</summary>
    Task<IReadOnlyList<ImportRecord>> ListUnfinishedImportsAsync(CancellationToken ct = default);

    /// <summary>Inserts or replaces a fileset record.</summary>
    Task PutFilesetAsync(FilesetRecord fileset, CancellationToken ct = default);
    Task<IReadOnlyList<FilesetRecord>> ListFilesetsAsync(string importUuid, CancellationToken ct = default);

    /// <summary>Inserts or replaces an image record.</summary>
    Task PutImageAsync(ImageRecord image, CancellationToken ct = default);
    Task<ImageRecord?> GetImageAsync(string owner, string uuid, CancellationToken ct = default);
    Task<IReadOnlyList<ImageRecord>> ListImagesAsync(string repositoryUuid, CancellationToken ct = default);
    Task DeleteImageAsync(ImageRecord image, CancellationToken ct = default);

    /// <summary>The images (uuids) already built from a source file with this SHA-256 (hex) in the repository; empty when none.</summary>
    Task<IReadOnlyList<string>> FindImagesByHashAsync(string repositoryUuid, string sha256, CancellationToken ct = default);
    Task PutHashAsync(string repositoryUuid, string sha256, IReadOnlyList<string> imageUuids, CancellationToken ct = default);

    /// <summary>Which of these SHA-256 hashes (hex) no repository of the owner holds.</summary>
    Task<IReadOnlyList<string>> MissingHashesAsync(string owner, IReadOnlyList<string> sha256s, CancellationToken ct = default);

    /// <summary>Records a closed upload session of the bucket; a later call never clears an earlier <c>Sweep</c>.</summary>
    Task PutUploadSealAsync(string bucket, UploadSealRecord seal, CancellationToken ct = default);
    Task<IReadOnlyList<UploadSealRecord>> ListUploadSealsAsync(string bucket, CancellationToken ct = default);
    Task DeleteUploadSealAsync(string bucket, string session, CancellationToken ct = default);
}

/// <summary>The import as stored after <see cref="IRecordStore.ChangeImportAsync"/>, and whether that call changed it.</summary>
public sealed record ImportChange(ImportRecord Import, bool Changed);
