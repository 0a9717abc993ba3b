namespace Minerva.Service.Configuration;

/// <summary>The S3-compatible endpoint (MinIO, Ceph RGW, AWS), bound from the configuration section "S3".</summary>
public sealed class S3Options
{
    public const string Section = "S3";

    /// <summary>Service URL, e.g. http://127.0.0.1:7480; addressed path-style.</summary>
    public string Endpoint { get; set; } = "";

    public string Region { get; set; } = "us-east-1";

    public string Bucket { get; set; } = "minerva";

    public string AccessKey { get; set; } = "";

    public string SecretKey { get; set; } = "";

    /// <summary>The role that upload credentials are issued for (STS AssumeRole with a session policy).</summary>
    public string StsRoleArn { get; set; } = "";

    /// <summary>Storage class the "Archive" raw-storage policy copies originals to.</summary>
    public string ArchiveStorageClass { get; set; } = "GLACIER";
}
