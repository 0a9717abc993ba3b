namespace Minerva.Cli.CommandLine;

/// <summary>Where the service is and which key to send, from the options, else the environment, else the default URL.</summary>
internal sealed record ServiceConnection(string Url, string ApiKey)
{
    public const string DefaultUrl = "http://127.0.0.1:7071";
    public const string UrlVariable = "MINERVA_URL";
    public const string ApiKeyVariable = "MINERVA_API_KEY";

    /// <summary>The URL with a trailing slash, so relative routes resolve under a path prefix too.</summary>
    public Uri BaseAddress => new(Url + "/");

    public static ServiceConnection Resolve(string? urlOption, string? apiKeyOption, Func<string, string?> environment)
    {
        var url = FirstGiven(urlOption, environment(UrlVariable)) ?? DefaultUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"the service URL '{url}' is not an http:// or https:// URL (--url or {UrlVariable})");
        }

        var apiKey = FirstGiven(apiKeyOption, environment(ApiKeyVariable))
            ?? throw new UsageException($"no API key: pass --api-key or set {ApiKeyVariable}");
        return new ServiceConnection(url.TrimEnd('/'), apiKey);
    }

    private static string? FirstGiven(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
