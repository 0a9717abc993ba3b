using Microsoft.Extensions.Configuration;
using Xunit;

namespace Minerva.Testing.Services;

/// <summary>
/// The real local services every service test runs against: Azurite and S3 (Ceph RGW). When the test script
/// already started them it says so through MINERVA_TEST_AZURITE (a connection string) and MINERVA_TEST_S3_ENV
/// (the path of s3-start.sh's env file); otherwise this fixture starts its own on free ports and stops them
/// (by their own pids) when the test assembly is done. Share it with an xunit collection fixture.
/// </summary>
public sealed class LocalServices : IAsyncLifetime
{
    public const string Collection = "LocalServices";
    public const string AzuriteVariable = "MINERVA_TEST_AZURITE";
    public const string S3EnvVariable = "MINERVA_TEST_S3_ENV";

    private readonly string _workDir = Directory.CreateTempSubdirectory("minerva-services-").FullName;
    private AzuriteProcess? _azurite;
    private S3Process? _s3;

    public string StorageConnectionString { get; private set; } = "";

    public S3Endpoint S3 { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var s3Env = Environment.GetEnvironmentVariable(S3EnvVariable);
        var azurite = Environment.GetEnvironmentVariable(AzuriteVariable);
        var startS3 = string.IsNullOrEmpty(s3Env) ? S3Process.StartAsync(Path.Combine(_workDir, "s3")) : null;
        var startAzurite = string.IsNullOrEmpty(azurite) ? AzuriteProcess.StartAsync() : null;
        try
        {
            // Both start at once; whichever did start is stopped again when the other fails.
            await Task.WhenAll(new Task?[] { startS3, startAzurite }.OfType<Task>());
        }
        finally
        {
            _s3 = startS3 is { IsCompletedSuccessfully: true } ? startS3.Result : null;
            _azurite = startAzurite is { IsCompletedSuccessfully: true } ? startAzurite.Result : null;
        }

        S3 = _s3?.Endpoint ?? S3Endpoint.Parse(await File.ReadAllLinesAsync(s3Env!));
        StorageConnectionString = _azurite?.ConnectionString ?? azurite!;
    }

    /// <summary>xunit also calls this when <see cref="InitializeAsync"/> failed, so it stops whatever did start.</summary>
    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        if (_s3 is not null)
        {
            await _s3.DisposeAsync();
        }

        Directory.Delete(_workDir, recursive: true);
    }

    /// <summary>A bucket name no other test uses (S3 names: 3–63 lowercase letters, digits, hyphens).</summary>
    public static string NewBucketName() => "test-" + Guid.NewGuid().ToString("N")[..20];

    /// <summary>A task hub name no other host uses (Azure Storage: letters and digits only).</summary>
    public static string NewTaskHubName() => "hub" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>
    /// The settings a host needs for these services, with its own bucket and task hub;
    /// <paramref name="extra"/> adds or overrides keys (API keys, timeouts).
    /// </summary>
    public IConfiguration HostConfiguration(string bucket, IEnumerable<KeyValuePair<string, string?>>? extra = null) =>
        new ConfigurationBuilder().AddInMemoryCollection(HostSettings(bucket).Concat(extra ?? [])).Build();

    public IEnumerable<KeyValuePair<string, string?>> HostSettings(string bucket) => HostSettings(StorageConnectionString, S3, bucket);

    /// <summary>
    /// The settings a host needs for the given storage and S3 (a test's private instances), with its own task hub and
    /// record tables (named after the hub): no other test's host sees its imports, nor repairs them from its watchdog.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string?>> HostSettings(string storageConnectionString, S3Endpoint s3, string bucket)
    {
        string hub = NewTaskHubName();
        return new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storageConnectionString,
            ["S3:Endpoint"] = s3.Endpoint,
            ["S3:Region"] = s3.Region,
            ["S3:Bucket"] = bucket,
            ["S3:AccessKey"] = s3.AccessKey,
            ["S3:SecretKey"] = s3.SecretKey,
            ["S3:StsRoleArn"] = s3.StsRoleArn,
            ["Minerva:TaskHub"] = hub,
            ["Minerva:TablePrefix"] = hub,
        };
    }
}
