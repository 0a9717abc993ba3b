using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3.Transfer;
using Minerva.Service.Configuration;
using Minerva.Service.Storage;

namespace Minerva.Host.Tests.Import;

/// <summary>What a user of the import API does, step by step, over HTTP (and S3 with the import's temporary credentials).</summary>
internal sealed class ImportApi(HttpClient http)
{
    /// <summary>S3's smallest multipart part; files above it are uploaded in several parts.</summary>
    private const long PartSize = 5L << 20;

    private static readonly string[] Finished = ["Complete", "Failed", "Expired", "Cancelled"];

    /// <summary>The in-process host's API, as its test user.</summary>
    public ImportApi(TestHost host)
        : this(host.Api)
    {
    }

    /// <summary>An HTTP client with the base address of a host and the x-api-key of the user it acts as.</summary>
    public HttpClient Http => http;

    public async Task<string> CreateRepositoryAsync(string rawStorage = "Live")
    {
        var repository = await SendAsync(HttpMethod.Post, "/repository", new { name = $"repo {Guid.NewGuid():N}", raw_storage = rawStorage }, HttpStatusCode.Created);
        return repository.GetProperty("uuid").GetString()!;
    }

    public async Task<string> CreateImportAsync(string repositoryUuid)
    {
        var import = await SendAsync(HttpMethod.Post, "/import", new { name = "e2e import", repository_uuid = repositoryUuid }, HttpStatusCode.Created);
        return import.GetProperty("uuid").GetString()!;
    }

    /// <summary>
    /// Uploads a local file as <paramref name="name"/> under the import's prefix, with the credentials the API hands
    /// out; with <paramref name="declareSha256"/>, declares the file's SHA-256 in its metadata as the minerva client does.
    /// </summary>
    public async Task UploadAsync(string importUuid, string path, string name, bool declareSha256 = false)
    {
        var credentials = await GetAsync($"/import/{importUuid}/credentials");
        string Field(string field) => credentials.GetProperty(field).GetString()!;
        using var s3 = S3ClientFactory.Create(
            new S3Options { Endpoint = Field("endpoint"), Region = Field("region") },
            new SessionAWSCredentials(Field("access_key_id"), Field("secret_access_key"), Field("session_token")));
        using var transfer = new TransferUtility(s3, new TransferUtilityConfig { MinSizeBeforePartUpload = PartSize });
        var request = new TransferUtilityUploadRequest
        {
            BucketName = Field("bucket"),
            Key = Field("key_prefix") + name,
            FilePath = path,
            PartSize = PartSize,
        };
        if (declareSha256)
        {
            await using var file = File.OpenRead(path);
            request.Metadata.Add("sha256", Convert.ToBase64String(await SHA256.HashDataAsync(file)));
        }

        await transfer.UploadAsync(request);
    }

    public async Task CompleteAsync(string importUuid, string? onConflict = null)
    {
        object body = onConflict is null ? new { complete = true } : new { complete = true, on_conflict = onConflict };
        await SendAsync(HttpMethod.Put, $"/import/{importUuid}", body, HttpStatusCode.Accepted);
    }

    public Task CancelAsync(string importUuid) => SendAsync(HttpMethod.Delete, $"/import/{importUuid}", null, HttpStatusCode.Accepted);

    /// <summary>Polls GET /import/{uuid} until the import has finished, and returns it.</summary>
    public async Task<JsonElement> WaitUntilFinishedAsync(string importUuid, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var import = await GetAsync($"/import/{importUuid}");
            if (Finished.Contains(import.GetProperty("status").GetString()))
            {
                return import;
            }

            if (DateTime.UtcNow > deadline)
            {
                var orchestration = await GetAsync($"/import/{importUuid}/orchestration");
                throw new TimeoutException($"Import {importUuid} did not finish within {timeout}: {import} {orchestration}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>
    /// The orchestration's runtime status once it has left Running and Pending, or as it is after 30 s. The record is
    /// settled by the orchestration's last activity, a moment before the orchestration itself ends.
    /// </summary>
    public async Task<string?> OrchestrationEndAsync(string importUuid)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            string? runtime = (await GetAsync($"/import/{importUuid}/orchestration")).GetProperty("runtimeStatus").GetString();
            if (runtime is not ("Running" or "Pending") || DateTime.UtcNow > deadline)
            {
                return runtime;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Polls GET /import/{uuid} until its progress shows the build under way and not done: more than
    /// <paramref name="fraction"/> of its regions done (at least one), not all; returns that progress.
    /// </summary>
    public async Task<(long Done, long Total)> WaitUntilBuildingAsync(string importUuid, double fraction, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var import = await GetAsync($"/import/{importUuid}");
            var progress = import.GetProperty("progress");
            long done = progress.GetProperty("regions_done").GetInt64(), total = progress.GetProperty("regions_total").GetInt64();
            if (done > 0 && done > fraction * total && done < total)
            {
                return (done, total);
            }

            if (DateTime.UtcNow > deadline || Finished.Contains(import.GetProperty("status").GetString()))
            {
                throw new TimeoutException($"Import {importUuid} was not seen building within {timeout}: {import}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The bucket prefix of the OME-Zarr root built from the import's only file ("zarr/{import}/{fileset}.ome.zarr/").</summary>
    public async Task<string> ZarrRootAsync(string importUuid)
    {
        var fileset = Assert.Single(await FilesetsAsync(importUuid));
        string location = fileset.GetProperty("images")[0].GetProperty("location").GetString()!;
        return location[..(location.LastIndexOf('/') + 1)];
    }

    /// <summary>The import's filesets, in name order.</summary>
    public async Task<List<JsonElement>> FilesetsAsync(string importUuid) =>
        [.. (await GetAsync($"/import/{importUuid}/filesets")).EnumerateArray().OrderBy(f => f.GetProperty("name").GetString(), StringComparer.Ordinal)];

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await Http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path} answered {(int)response.StatusCode}, expected {(int)expected}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
