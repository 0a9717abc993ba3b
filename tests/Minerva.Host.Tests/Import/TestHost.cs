using Amazon.S3;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Minerva.Service.Configuration;
using Minerva.Service.Storage;
using Minerva.Testing.Services;

namespace Minerva.Host.Tests.Import;

/// <summary>
/// The standalone host (exactly what Program.cs runs) started in-process on a free port against the local services,
/// with its own bucket and task hub, and an API client that sends the test user's key.
/// </summary>
internal sealed class TestHost : IAsyncDisposable
{
    public const string ApiKey = "e2e-key";

    /// <summary>The user <see cref="ApiKey"/> maps to.</summary>
    public const string User = "e2e-user";

    private readonly WebApplication app;

    private TestHost(WebApplication app, string bucket)
    {
        this.app = app;
        Bucket = bucket;
        Api = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(2) };
        Api.DefaultRequestHeaders.Add("x-api-key", ApiKey);
        Admin = S3ClientFactory.Create(app.Services.GetRequiredService<IOptions<S3Options>>().Value);
    }

    public HttpClient Api { get; }

    /// <summary>An S3 client with the service's own keys, to look at what the import left in the bucket.</summary>
    public IAmazonS3 Admin { get; }

    public string Bucket { get; }

    /// <summary>The host's services: its record store, its durable client, …</summary>
    public IServiceProvider Services => app.Services;

    public static async Task<TestHost> StartAsync(LocalServices services, params (string Key, string Value)[] settings)
    {
        string bucket = LocalServices.NewBucketName();
        var all = services.HostSettings(bucket)
            .Select(kv => (kv.Key, kv.Value ?? ""))
            .Append(("urls", "http://127.0.0.1:0"))
            .Append(($"Minerva:ApiKeys:{ApiKey}", User))
            .Concat(settings);
        var app = MinervaHost.Build([.. all.Select(s => $"--{s.Item1}={s.Item2}")]);
        await app.StartAsync();
        return new TestHost(app, bucket);
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        Admin.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
