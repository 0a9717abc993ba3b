namespace Minerva.Service.Configuration;

/// <summary>
/// The signed links to an image that open without the API key (its OME-Zarr and its viewer page), bound from the
/// configuration section "Minerva:Links".
/// </summary>
public sealed class LinkOptions
{
    public const string Section = "Minerva:Links";

    /// <summary>
    /// The service's public address the links are built on (e.g. https://minerva.example.org/api, when a proxy
    /// forwards to it); empty means the address each request came in on (its scheme, host and path base).
    /// </summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>
    /// The key links are signed with. Empty means a key derived from <c>S3:SecretKey</c>: every worker that shares
    /// the configuration then agrees, and whoever holds that key can read every pyramid anyway. Changing it revokes
    /// every link handed out.
    /// </summary>
    public string Secret { get; set; } = "";

    /// <summary>How long a link opens after GET /image handed it out.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(7);
}
