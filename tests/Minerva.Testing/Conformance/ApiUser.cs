using System.Net.Http.Json;

namespace Minerva.Testing.Conformance;

/// <summary>A user of the API under test (or an anonymous caller): sends requests with their key and reads the answers.</summary>
public sealed class ApiUser(IApiHost host, string? apiKey) : IDisposable
{
    private readonly HttpClient _http = Client(host, apiKey);

    public Task<ApiAnswer> GetAsync(string pathOrUrl) => SendAsync(HttpMethod.Get, pathOrUrl);

    public Task<ApiAnswer> PostJsonAsync(string pathOrUrl, object body) => SendAsync(HttpMethod.Post, pathOrUrl, JsonContent.Create(body));

    public Task<ApiAnswer> PutJsonAsync(string pathOrUrl, object body) => SendAsync(HttpMethod.Put, pathOrUrl, JsonContent.Create(body));

    public Task<ApiAnswer> DeleteAsync(string pathOrUrl) => SendAsync(HttpMethod.Delete, pathOrUrl);

    public async Task<ApiAnswer> SendAsync(HttpMethod method, string pathOrUrl, HttpContent? content = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, pathOrUrl) { Content = content };
        configure?.Invoke(request);
        using var response = await _http.SendAsync(request);
        return new ApiAnswer(response.StatusCode, response.Headers, response.Content.Headers, await response.Content.ReadAsByteArrayAsync(), $"{method} {pathOrUrl}");
    }

    public void Dispose() => _http.Dispose();

    private static HttpClient Client(IApiHost host, string? apiKey)
    {
        var http = new HttpClient(host.Handler, disposeHandler: false) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Add("x-api-key", apiKey);
        }

        return http;
    }
}
