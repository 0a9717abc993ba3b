namespace Minerva.Service.Orchestration;

/// <summary>
/// Where an import's objects live in the bucket. Uploads: <c>imports/{import}/</c>. Output: one bioformats2raw zarr
/// root per uploaded file, <c>zarr/{import}/{fileset}.ome.zarr/</c>, with one series group per image; an image's
/// location is its series group (<c>…/{fileset}.ome.zarr/{series}</c>), an OME-NGFF multiscales image that zarr readers
/// open directly. Everything an import writes is under these two prefixes, so cancelling removes both.
/// </summary>
public static class ImportLayout
{
    public static string UploadPrefix(string importUuid) => $"imports/{importUuid}/";

    public static string OutputPrefix(string importUuid) => $"zarr/{importUuid}/";

    public static string ZarrRoot(string importUuid, string filesetUuid) => $"{OutputPrefix(importUuid)}{filesetUuid}.ome.zarr/";

    public static string ImageLocation(string zarrRoot, int series) => $"{zarrRoot}{series}";

    /// <summary>The zarr root an image location sits in.</summary>
    public static string RootOf(string imageLocation) => imageLocation[..(imageLocation.LastIndexOf('/') + 1)];

    /// <summary>A file's name: its path under the import's upload prefix.</summary>
    public static string FileName(string importUuid, string key) => key[UploadPrefix(importUuid).Length..];

    /// <summary>Instance id of a file's sub-orchestration: derived from the import's, so cancelling finds every child.</summary>
    public static string FilesetInstanceId(string importUuid, int fileIndex) => $"{importUuid}:{fileIndex}";

    /// <summary>Instance id of a region batch: derived from its fileset's, so the import's prefix finds it too.</summary>
    public static string BatchInstanceId(string filesetInstanceId, int series, int step, int batch) => $"{filesetInstanceId}:{series}:{step}:{batch}";

    public static string ChildInstancePrefix(string importUuid) => $"{importUuid}:";
}
