using System.Net.Http.Json;
using System.Text.Json;
using Minerva.Cli.CommandLine;

namespace Minerva.Cli.Api;

/// <summary>
/// The one HTTP client of the Minerva API: adds <c>x-api-key</c>, turns error answers into
/// <see cref="MinervaApiException"/> and a missing service into <see cref="ServiceUnreachableException"/>.
/// </summary>
internal sealed class MinervaClient(HttpClient http, string serviceUrl) : IDisposable
{
    public const string ApiKeyHeader = "x-api-key";

    public static MinervaClient Create(ServiceConnection connection, HttpMessageHandler handler)
    {
        var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = connection.BaseAddress };
        http.DefaultRequestHeaders.Add(ApiKeyHeader, connection.ApiKey);
        return new MinervaClient(http, connection.Url);
    }

    public Task<Answer<IReadOnlyList<Repository>>> ListRepositoriesAsync(CancellationToken ct) =>
        SendAsync<IReadOnlyList<Repository>>(HttpMethod.Get, "repository", null, ct);

    public Task<Answer<Repository>> CreateRepositoryAsync(NewRepository repository, CancellationToken ct) =>
        SendAsync<Repository>(HttpMethod.Post, "repository", repository, ct);

    public Task<Answer<IReadOnlyList<Import>>> ListImportsAsync(string repositoryUuid, CancellationToken ct) =>
        SendAsync<IReadOnlyList<Import>>(HttpMethod.Get, $"import?repository_uuid={Uri.EscapeDataString(repositoryUuid)}", null, ct);

    public Task<Answer<Import>> CreateImportAsync(NewImport import, CancellationToken ct) =>
        SendAsync<Import>(HttpMethod.Post, "import", import, ct);

    public Task<Answer<Import>> GetImportAsync(string importUuid, CancellationToken ct) =>
        SendAsync<Import>(HttpMethod.Get, ImportPath(importUuid), null, ct);

    public Task<Answer<UploadCredentials>> GetCredentialsAsync(string importUuid, CancellationToken ct) =>
        SendAsync<UploadCredentials>(HttpMethod.Get, ImportPath(importUuid) + "/credentials", null, ct);

    public Task<Answer<JsonElement>> CompleteUploadAsync(string importUuid, OnConflict? onConflict, CancellationToken ct) =>
        SendAsync<JsonElement>(HttpMethod.Put, ImportPath(importUuid), new UploadComplete(true, onConflict), ct);

    public Task<Answer<IReadOnlyList<Fileset>>> GetFilesetsAsync(string importUuid, CancellationToken ct) =>
        SendAsync<IReadOnlyList<Fileset>>(HttpMethod.Get, ImportPath(importUuid) + "/filesets", null, ct);

    public Task<Answer<JsonElement>> CancelImportAsync(string importUuid, CancellationToken ct) =>
        SendAsync<JsonElement>(HttpMethod.Delete, ImportPath(importUuid), null, ct);

    /// <summary>The hashes (base64 SHA-256) that none of the caller's repositories holds yet.</summary>
    public Task<Answer<IReadOnlyList<string>>> CheckImagesAsync(IReadOnlyList<string> sha256Base64, CancellationToken ct) =>
        SendAsync<IReadOnlyList<string>>(HttpMethod.Post, "import/check-images", sha256Base64, ct);

    public void Dispose() => http.Dispose();

    private static string ImportPath(string importUuid) => "import/" + Uri.EscapeDataString(importUuid);

    private async Task<Answer<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: ApiJson.Options);
        }

        using var response = await SendOrExplainAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw MinervaApiException.FromAnswer(response.StatusCode, text, $"{method} /{path}");
        }

        return ReadAnswer<T>(text, $"{method} /{path}");
    }

    private async Task<HttpResponseMessage> SendOrExplainAsync(HttpRequestMessage request, CancellationToken ct)
    {
        try
        {
            return await http.SendAsync(request, ct);
        }
        catch (HttpRequestException exception)
        {
            throw ServiceUnreachableException.From(serviceUrl, exception);
        }
        catch (TaskCanceledException exception) when (!ct.IsCancellationRequested)
        {
            throw new ServiceUnreachableException(serviceUrl, $"no answer within {http.Timeout.TotalSeconds:0} s", exception);
        }
    }

    private Answer<T> ReadAnswer<T>(string text, string request)
    {
        // 202/204 answers may have no body; they read as an undefined element.
        if (text.Length == 0)
        {
            return new Answer<T>(default!, default);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var raw = document.RootElement.Clone();
            return new Answer<T>(raw.Deserialize<T>(ApiJson.Options)!, raw);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException(
                $"the Minerva service at {serviceUrl} answered {request} with JSON this client cannot read: {exception.Message}", exception);
        }
    }
}
