using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Minerva.Service.Orchestration;
using Minerva.Service.Records;
using Minerva.Service.Storage;
using Minerva.Testing.Services;

namespace Minerva.Host.Tests.Api;

/// <summary>The real standalone host on a free loopback port over the local services, with two users (alice, bob).</summary>
internal sealed class ApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ApiHost(WebApplication app, RecordingWorkflow workflow, string aliceUser)
    {
        _app = app;
        AliceUser = aliceUser;
        Workflow = workflow;
        BaseAddress = new Uri(app.Urls.Single());
        Alice = Client(AliceKey);
        Bob = Client(BobKey);
        Anonymous = Client(null);
    }

    public const string AliceKey = "alice-key-0123456789";
    public const string BobKey = "bob-key-0123456789";

    public Uri BaseAddress { get; }

    /// <summary>The user name alice's key maps to.</summary>
    public string AliceUser { get; }

    public RecordingWorkflow Workflow { get; }

    public HttpClient Alice { get; }

    public HttpClient Bob { get; }

    public HttpClient Anonymous { get; }

    public IServiceProvider Services => _app.Services;

    public IRecordStore Records => _app.Services.GetRequiredService<IRecordStore>();

    public IObjectStore Objects => _app.Services.GetRequiredService<IObjectStore>();

    /// <param name="services">The local services.</param>
    /// <param name="extra">Settings added to (or overriding) the host's, e.g. "Minerva:UploadCredentialLifetime".</param>
    public static async Task<ApiHost> StartAsync(LocalServices services, IEnumerable<KeyValuePair<string, string?>>? extra = null)
    {
        var aliceUser = "alice-" + Guid.NewGuid().ToString("N");
        var settings = services.HostSettings(LocalServices.NewBucketName()).Concat(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            // Users unique to this host: records of all hosts share one Azurite.
            [$"Minerva:ApiKeys:{AliceKey}"] = aliceUser,
            [$"Minerva:ApiKeys:{BobKey}"] = "bob-" + Guid.NewGuid().ToString("N"),
            ["Logging:LogLevel:Default"] = "Warning",
        }).Concat(extra ?? []);
        var workflow = new RecordingWorkflow();
        var app = MinervaHost.Build(
            [.. settings.Select(s => $"--{s.Key}={s.Value}")],
            s => s.Replace(ServiceDescriptor.Singleton<IImportWorkflow>(workflow)));
        await app.StartAsync();
        return new ApiHost(app, workflow, aliceUser);
    }

    public HttpClient Client(string? apiKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("x-api-key", apiKey);
        }

        return client;
    }

    /// <summary>Creates a repository and an import for alice; answers the import's uuid.</summary>
    public async Task<(string Repository, string Import)> CreateImportAsync(HttpClient? client = null)
    {
        client ??= Alice;
        var repository = await ReadJsonAsync(await client.PostAsJsonAsync("/repository", new { name = "Repository 1", raw_storage = "Destroy" }));
        var repositoryUuid = repository.GetProperty("uuid").GetString()!;
        var import = await ReadJsonAsync(await client.PostAsJsonAsync("/import", new { name = "Import 1", repository_uuid = repositoryUuid }));
        return (repositoryUuid, import.GetProperty("uuid").GetString()!);
    }

    /// <summary>Moves alice's import on as the orchestration would (written straight to the record store).</summary>
    public async Task<ImportRecord> MoveImportAsync(string import, ImportStatus status, ImportProgress? progress = null)
    {
        var record = await Records.GetImportAsync(AliceUser, import) ?? throw new InvalidOperationException($"No import {import}.");
        var moved = record with { Status = status, Progress = progress ?? record.Progress };
        await Records.PutImportAsync(moved);
        return moved;
    }

    /// <summary>An image of alice's in the repository, with its .zattrs in the bucket and its source hash in the repository's index.</summary>
    public async Task<ImageRecord> PutImageAsync(string repository, byte[] source)
    {
        var image = new ImageRecord(
            Guid.NewGuid().ToString(), AliceUser, repository, Guid.NewGuid().ToString(), "image", 0, $"zarr/{Guid.NewGuid()}/0", 1, [1, 1, 1, 2, 2], "uint8",
            [new ChannelRecord("c0", "FFFFFF")], Convert.ToHexStringLower(SHA256.HashData(source)), DateTimeOffset.UtcNow);
        await Records.PutImageAsync(image);
        await Records.PutHashAsync(repository, image.Sha256, [image.Uuid]);
        await Objects.ChunkStore(image.Location + "/").WriteAsync(".zattrs", "{}"u8.ToArray());
        return image;
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in new[] { Alice, Bob, Anonymous })
        {
            client.Dispose();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
