namespace Minerva.Service.Storage;

/// <summary>
/// Who writes with an import's temporary credentials: an STS session of the upload role whose name is derived from
/// the import's key prefix, so every credential of one import is the same principal and can be named in a policy.
/// </summary>
public static class UploadSession
{
    /// <summary>STS session names allow [\w+=,.@-] and at most 64 characters; the prefix names the import.</summary>
    public static string Name(string prefix)
    {
        var name = "minerva-" + new string([.. prefix.Where(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '.')]);
        return name.Length <= 64 ? name : name[..64];
    }

    /// <summary>
    /// The session's principal as S3 policies name it: role arn:{partition}:iam::{account}:role/{path/}{name} becomes
    /// arn:{partition}:sts::{account}:assumed-role/{name}/{session} (the role's path is not part of it).
    /// </summary>
    public static string PrincipalArn(string roleArn, string prefix)
    {
        var parts = roleArn.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || !parts[5].StartsWith("role/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"'{roleArn}' is not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME).");
        }

        var role = parts[5][(parts[5].LastIndexOf('/') + 1)..];
        return $"arn:{parts[1]}:sts::{parts[4]}:assumed-role/{role}/{Name(prefix)}";
    }
}
