using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Minerva.Service.Configuration;
using Minerva.Service.Storage;
using Minerva.Testing.Services;

namespace Minerva.Service.Tests.Storage;

/// <summary>The real stores over the local services, as the hosts build them.</summary>
internal static class Stores
{
    public static S3Options S3Options(LocalServices services, string bucket) => new()
    {
        Endpoint = services.S3.Endpoint,
        Region = services.S3.Region,
        Bucket = bucket,
        AccessKey = services.S3.AccessKey,
        SecretKey = services.S3.SecretKey,
        StsRoleArn = services.S3.StsRoleArn,
    };

    public static async Task<S3ObjectStore> ObjectStoreAsync(LocalServices services, string bucket)
    {
        var options = S3Options(services, bucket);
        var store = new S3ObjectStore(S3ClientFactory.Create(options), S3ClientFactory.CreateSts(options), Options.Create(options));
        await store.EnsureBucketAsync();
        return store;
    }

    public static async Task<TableRecordStore> RecordStoreAsync(LocalServices services)
    {
        var store = new TableRecordStore(new TableServiceClient(services.StorageConnectionString));
        await store.EnsureTablesAsync();
        return store;
    }
}
