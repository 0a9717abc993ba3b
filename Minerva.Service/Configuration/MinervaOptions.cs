namespace Minerva.Service.Configuration;

/// <summary>Service settings bound from the configuration section "Minerva".</summary>
public sealed class MinervaOptions
{
    public const string Section = "Minerva";

    /// <summary>
    /// Prefix of the record tables' names (letters and digits, empty by default): several deployments — or test hosts —
    /// can then share one storage account, as their task hubs (Minerva:TaskHub) already can. Each deployment's watchdog
    /// looks only at its own imports.
    /// </summary>
    public string TablePrefix { get; set; } = "";

    /// <summary>API key → user name. A request's <c>x-api-key</c> header is looked up here.</summary>
    public Dictionary<string, string> ApiKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How long an import waits for its upload-complete event before it expires.</summary>
    public TimeSpan UploadTimeout { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the watchdog looks at every unfinished import's orchestration (<see cref="Lifecycle.ImportRepair"/>).</summary>
    public TimeSpan WatchdogInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long an orchestration may stay unstarted, or waiting for an upload that was already completed, before the
    /// watchdog starts it again. Longer than the storage backend's own retries of a start message take.
    /// </summary>
    public TimeSpan OrchestrationStaleAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long the temporary upload credentials of GET /import/{uuid}/credentials work (at most 12 h, the upload role's
    /// longest session). Shorter is allowed, even below STS's 15-minute minimum: the session policy ends them itself.
    /// </summary>
    public TimeSpan UploadCredentialLifetime { get; set; } = TimeSpan.FromHours(12);
}
