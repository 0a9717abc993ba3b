using Amazon.S3;
using Minerva.Host.Tests.Import;
using Minerva.Service.Configuration;
using Minerva.Service.Storage;
using Minerva.Testing.Services;

namespace Minerva.Host.Tests.Resilience;

/// <summary>
/// Host processes sharing one task hub and bucket, as <c>MINERVA_WORKERS=N ./run.sh</c> starts them: each its own
/// process with a stable worker id (started again, it takes its partitions back at once), every one serving the API.
/// Settings that make a crash's cost short and visible: a 10 s work-item visibility timeout, and DurableTask.Core's
/// log of every activity it starts or sees fail.
/// </summary>
internal sealed class Workers : IAsyncDisposable
{
    /// <summary>The users every worker knows, by API key "key-{user}".</summary>
    public static readonly IReadOnlyList<string> Users = ["alice", "bob", "carol", "dave"];

    /// <summary>What DurableTask.Core logs when a worker starts an activity; the activity's name follows.</summary>
    public const string ActivityStarted = ": Starting task activity ";

    /// <summary>What DurableTask.Core logs when an activity threw (the attempt is retried or its caller fails).</summary>
    public const string ActivityFailed = "failed: ";

    /// <summary>How long a killed worker's dequeued messages stay hidden before another worker (or its restart) takes them.</summary>
    public static readonly TimeSpan VisibilityTimeout = TimeSpan.FromSeconds(10);

    private readonly List<HttpClient> clients = [];

    private Workers(IReadOnlyList<HostProcess> hosts, S3Options s3)
    {
        Hosts = hosts;
        Bucket = s3.Bucket;
        Admin = S3ClientFactory.Create(s3);
    }

    public IReadOnlyList<HostProcess> Hosts { get; }

    /// <summary>An S3 client with the service's own keys, to read what the imports wrote.</summary>
    public IAmazonS3 Admin { get; }

    public string Bucket { get; }

    /// <summary>
    /// Starts <paramref name="count"/> workers at once on the given storage and S3, with a new bucket and task hub of
    /// their own, and <paramref name="settings"/> added.
    /// </summary>
    public static async Task<Workers> StartAsync(int count, string storage, S3Endpoint s3, params (string Key, string Value)[] settings)
    {
        string bucket = LocalServices.NewBucketName();
        var common = LocalServices.HostSettings(storage, s3, bucket)
            .Concat(Users.Select(u => KeyValuePair.Create($"Minerva:ApiKeys:key-{u}", (string?)u)))
            .Append(KeyValuePair.Create("Minerva:WorkItemVisibilityTimeout", (string?)VisibilityTimeout.ToString()))
            .Append(KeyValuePair.Create("Logging:LogLevel:DurableTask.Core", (string?)"Information"))
            .Concat(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .ToList();
        string suffix = Guid.NewGuid().ToString("N")[..6];
        var starting = Enumerable.Range(1, count)
            .Select(i => HostProcess.StartAsync($"worker{i}", common.Append(KeyValuePair.Create("Minerva:WorkerId", (string?)$"test-{suffix}-worker{i}"))))
            .ToList();
        try
        {
            await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            throw;
        }

        var admin = new S3Options { Endpoint = s3.Endpoint, Region = s3.Region, AccessKey = s3.AccessKey, SecretKey = s3.SecretKey, Bucket = bucket };
        return new Workers([.. starting.Select(t => t.Result)], admin);
    }

    /// <summary>Workers on the test run's shared Azurite and S3.</summary>
    public static Task<Workers> StartAsync(int count, LocalServices services, params (string Key, string Value)[] settings) =>
        StartAsync(count, services.StorageConnectionString, services.S3, settings);

    /// <summary>The import API of worker <paramref name="worker"/> (0-based) as <paramref name="user"/> (the first user by default).</summary>
    public ImportApi Api(int worker = 0, string? user = null)
    {
        var http = new HttpClient { BaseAddress = Hosts[worker].Url, Timeout = TimeSpan.FromMinutes(1) };
        http.DefaultRequestHeaders.Add("x-api-key", $"key-{user ?? Users[0]}");
        clients.Add(http);
        return new ImportApi(http);
    }

    /// <summary>Log entries containing <paramref name="text"/> per worker, in worker order.</summary>
    public int[] CountLog(string text) => [.. Hosts.Select(h => h.CountLog(text))];

    /// <summary>Every worker's last log lines, for a failure message.</summary>
    public string LogTails() => string.Join('\n', Hosts.Select(h => h.LogTail()));

    public async ValueTask DisposeAsync()
    {
        clients.ForEach(c => c.Dispose());
        Admin.Dispose();
        foreach (var host in Hosts)
        {
            await host.DisposeAsync();
        }
    }
}
