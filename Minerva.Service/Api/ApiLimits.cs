namespace Minerva.Service.Api;

/// <summary>
/// The sizes the API accepts, documented in the README's API section. Each is far above what a careful client sends
/// and far below what the stores beneath refuse (Azure Tables: 32K characters per string; S3: 1024-byte keys).
/// </summary>
public static class ApiLimits
{
    /// <summary>A JSON request body (POST /repository, POST /import, PUT /import/{uuid}, check-images); more is a 413.</summary>
    public const int JsonBodyBytes = 64 * 1024;

    /// <summary>A repository or import name, in characters.</summary>
    public const int NameLength = 256;

    /// <summary>A file id of POST /import/{uuid}/files, in characters (its key under the import stays below S3's 1024 bytes).</summary>
    public const int FileIdLength = 300;

    /// <summary>A file's JSON description part of POST /import/{uuid}/files.</summary>
    public const int FileDescriptionBytes = 64 * 1024;

    /// <summary>A multipart boundary (RFC 2046 allows 1 to 70 characters).</summary>
    public const int BoundaryLength = 70;

    /// <summary>A path below an image's zarr root in GET /image/{uuid}/zarr/{path}, in characters.</summary>
    public const int ZarrPathLength = 512;

    /// <summary>How much of a caller's value an error message repeats.</summary>
    internal const int QuotedLength = 80;
}
