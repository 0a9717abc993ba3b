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

    /// <summary>
    /// Where STS AssumeRole is sent. Empty: <see cref="Endpoint"/>, where MinIO and Ceph RGW serve it; AWS serves it
    /// apart (https://sts.{region}.amazonaws.com).
    /// </summary>
    public string StsEndpoint { get; set; } = "";

    /// <summary>
    /// The role upload credentials are issued for (STS AssumeRole with a session policy): required by AWS and Ceph RGW.
    /// Empty: AssumeRole is sent without a RoleArn, as MinIO expects (its temporary credentials take the calling user's
    /// own policy, narrowed by the session policy).
    /// </summary>
    public string StsRoleArn { get; set; } = "";

    /// <summary>
    /// Storage class the "Archive" raw-storage policy copies an original to, in place (GLACIER on AWS and Ceph RGW).
    /// Empty: the endpoint has no archive class (MinIO), so the original moves under <see cref="ArchivePrefix"/> instead,
    /// where a lifecycle rule of the endpoint can tier it.
    /// </summary>
    public string ArchiveStorageClass { get; set; } = "GLACIER";

    /// <summary>Where originals go when <see cref="ArchiveStorageClass"/> is empty: this prefix + their key.</summary>
    public string ArchivePrefix { get; set; } = "archive/";
}
