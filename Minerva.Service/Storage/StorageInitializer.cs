using Microsoft.Extensions.Hosting;

namespace Minerva.Service.Storage;

/// <summary>Creates the record tables and the bucket once when the host starts, so requests never have to.</summary>
internal sealed class StorageInitializer(TableRecordStore records, S3ObjectStore objects) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await records.EnsureTablesAsync(cancellationToken);
        await objects.EnsureBucketAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
