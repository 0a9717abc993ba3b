using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Minerva.Service.Tests.Storage.MinIO;

/// <summary>One request as the endpoint received it.</summary>
internal sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : "";

    /// <summary>The body as an application/x-www-form-urlencoded form.</summary>
    public IReadOnlyDictionary<string, string> Form() =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Body).ToDictionary(p => p.Key, p => p.Value.ToString());
}

/// <summary>A recorded answer: status, XML body (empty for HEAD), extra headers.</summary>
internal sealed record RecordedResponse(int Status, string Body, params (string Name, string Value)[] Headers);

/// <summary>
/// A loopback HTTP server standing in for MinIO where it behaves differently from the local Ceph RGW: it answers
/// with MinIO's recorded responses (see README.md beside this file) and keeps every request the client sent.
/// </summary>
internal sealed class RecordedEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RecordedEndpoint(WebApplication app) => _app = app;

    /// <summary>The endpoint's URL (known once started).</summary>
    public string Url => _app.Urls.Single();

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static async Task<RecordedEndpoint> StartAsync(Func<RecordedRequest, RecordedResponse> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var endpoint = new RecordedEndpoint(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var request = new RecordedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.QueryString.Value ?? "",
                context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
                await reader.ReadToEndAsync());
            endpoint.Requests.Enqueue(request);
            await WriteAsync(context.Response, answer(request));
        });
        await app.StartAsync();
        return endpoint;
    }

    public static string Recorded(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Storage", "MinIO", file));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task WriteAsync(HttpResponse response, RecordedResponse answer)
    {
        response.StatusCode = answer.Status;
        response.Headers["Server"] = "MinIO";
        response.Headers["x-amz-request-id"] = "1877D6B3C5A43A9E";
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers[name] = value;
        }

        if (answer.Body.Length > 0)
        {
            response.ContentType = "application/xml";
            await response.WriteAsync(answer.Body);
        }
    }
}
