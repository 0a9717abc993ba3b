namespace Minerva.Service.Configuration;

/// <summary>Service settings bound from the configuration section "Minerva".</summary>
public sealed class MinervaOptions
{
    public const string Section = "Minerva";

    /// <summary>API key → user name. A request's <c>x-api-key</c> header is looked up here.</summary>
    public Dictionary<string, string> ApiKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How long an import waits for its upload-complete event before it expires.</summary>
    public TimeSpan UploadTimeout { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long the temporary upload credentials of GET /import/{uuid}/credentials work (at most 12 h, the upload role's
    /// longest session). Shorter is allowed, even below STS's 15-minute minimum: the session policy ends them itself.
    /// </summary>
    public TimeSpan UploadCredentialLifetime { get; set; } = TimeSpan.FromHours(12);
}
