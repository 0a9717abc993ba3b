using Minerva.Service.Records;
using Minerva.Service.Storage;

namespace Minerva.Service.Lifecycle;

/// <summary>What happens to an uploaded original once its fileset is complete: the repository's raw-storage policy.</summary>
public sealed class RawStoragePolicy(IRecordStore records, IObjectStore objects)
{
    /// <summary>Destroy deletes the upload, Archive archives it (storage class or archive prefix, see S3Options), Live keeps it. Idempotent.</summary>
    public async Task ApplyAsync(string owner, string repositoryUuid, string sourceKey)
    {
        var repository = await records.GetRepositoryAsync(owner, repositoryUuid)
            ?? throw new InvalidOperationException($"Repository {repositoryUuid} has no record.");
        switch (repository.RawStorage)
        {
            case RawStorage.Destroy:
                await objects.DeleteAsync(sourceKey);
                break;
            case RawStorage.Archive:
                await objects.ArchiveAsync(sourceKey);
                break;
            case RawStorage.Live:
                break;
        }
    }
}
