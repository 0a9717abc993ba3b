namespace Minerva.Cli.Upload;

/// <summary>A local file as it is now; a remembered state applies only while size and modification time are unchanged.</summary>
internal sealed record FileFingerprint(string FullPath, long Size, DateTime ModifiedUtc)
{
    public static FileFingerprint Of(string path)
    {
        var info = new FileInfo(path);
        return new FileFingerprint(info.FullName, info.Length, info.LastWriteTimeUtc);
    }
}

/// <summary>
/// A multipart upload started for a file: which import it belongs to, its key and S3 upload id, and the part size
/// its parts were cut with (a resumed upload must cut the same parts). <see cref="Uploaded"/> once S3 completed it.
/// </summary>
internal sealed record PendingUpload(string ImportUuid, string RepositoryUuid, string Key, string UploadId, long PartSize, bool Uploaded);

/// <summary>What is remembered of one file: its hash (hashing 100 GB again costs minutes) and its unfinished upload.</summary>
internal sealed record FileState(long Size, DateTime ModifiedUtc, string Sha256Base64, PendingUpload? Upload);
