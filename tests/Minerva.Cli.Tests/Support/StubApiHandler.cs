using System.Net;
using System.Text;

namespace Minerva.Cli.Tests.Support;

/// <summary>
/// Answers the client's HTTP requests from a route table, in process, and records them: for testing how the client
/// reads answers and errors. The end-to-end tests run against the real service instead.
/// </summary>
internal sealed class StubApiHandler : HttpMessageHandler
{
    private readonly Dictionary<string, (HttpStatusCode Status, string Body)> answers = [];

    public List<(HttpMethod Method, string PathAndQuery, string? ApiKey, string? Body)> Requests { get; } = [];

    /// <summary>Answers <paramref name="method"/> <paramref name="pathAndQuery"/> (e.g. "/repository") with JSON.</summary>
    public StubApiHandler On(HttpMethod method, string pathAndQuery, HttpStatusCode status, string body)
    {
        answers[$"{method} {pathAndQuery}"] = (status, body);
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.PathAndQuery;
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var key = request.Headers.TryGetValues("x-api-key", out var keys) ? keys.Single() : null;
        Requests.Add((request.Method, path, key, body));
        var (status, text) = answers.TryGetValue($"{request.Method} {path}", out var answer)
            ? answer
            : (HttpStatusCode.NotFound, """{"error":"not_found","detail":"no such route in the test"}""");
        return new HttpResponseMessage(status) { Content = new StringContent(text, Encoding.UTF8, "application/json") };
    }
}
