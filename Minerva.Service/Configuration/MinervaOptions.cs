namespace Minerva.Service.Configuration;

/// <summary>Service settings bound from the configuration section "Minerva".</summary>
public sealed class MinervaOptions
{
    public const string Section = "Minerva";

    /// <summary>API key → user name. A request's <c>x-api-key</c> header is looked up here.</summary>
    public Dictionary<string, string> ApiKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How long an import waits for its upload-complete event before it expires.</summary>
    public TimeSpan UploadTimeout { get; set; } = TimeSpan.FromHours(24);
}
