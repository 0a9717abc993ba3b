using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Minerva.Service.Api;
using Minerva.Service.Configuration;
using Minerva.Service.Storage;

namespace Minerva.Service;

public static class ServiceCollectionExtensions
{
    /// <summary>The configuration key of the Azure Storage connection string (Azurite locally), shared with the Functions host.</summary>
    public const string StorageConnectionKey = "AzureWebJobsStorage";

    /// <summary>
    /// Registers what both hosts share: options, the record store (Azure Tables), the object store (S3), and
    /// the HTTP handlers. The host adds its <see cref="Orchestration.IImportWorkflow"/>.
    /// </summary>
    public static IServiceCollection AddMinervaService(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MinervaOptions>()
            .Bind(configuration.GetSection(MinervaOptions.Section))
            .Validate(o => o.TablePrefix.Length == 0 || (char.IsAsciiLetter(o.TablePrefix[0]) && o.TablePrefix.All(char.IsAsciiLetterOrDigit)), "Minerva:TablePrefix must be letters and digits, starting with a letter.")
            .ValidateOnStart();
        services.AddOptions<S3Options>().Bind(configuration.GetSection(S3Options.Section));
        services.AddOptions<LinkOptions>().Bind(configuration.GetSection(LinkOptions.Section));
        services.AddSingleton(TimeProvider.System);

        var connection = configuration[StorageConnectionKey]
            ?? throw new InvalidOperationException($"Configuration '{StorageConnectionKey}' (the Azure Storage connection string) is missing.");
        services.AddSingleton(new TableServiceClient(connection));
        services.AddSingleton(sp => new TableRecordStore(sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<IOptions<MinervaOptions>>().Value.TablePrefix));
        services.AddSingleton<IRecordStore>(sp => sp.GetRequiredService<TableRecordStore>());

        services.AddSingleton(sp => S3ClientFactory.Create(sp.GetRequiredService<IOptions<S3Options>>().Value));
        services.AddSingleton(sp => S3ClientFactory.CreateSts(sp.GetRequiredService<IOptions<S3Options>>().Value));
        services.AddSingleton<S3ObjectStore>();
        services.AddSingleton<IObjectStore>(sp => sp.GetRequiredService<S3ObjectStore>());
        services.AddSingleton<UploadSeal>();
        services.AddHostedService<StorageInitializer>();

        services.AddSingleton<Lifecycle.ImportRepair>();
        services.AddSingleton<ApiKeys>();
        services.AddSingleton<RepositoryHandlers>();
        services.AddSingleton<UploadCompletion>();
        services.AddSingleton<ImportHandlers>();
        services.AddSingleton<ImportCancellationHandler>();
        services.AddSingleton<FileUploadHandler>();
        services.AddSingleton<CheckImagesHandler>();
        services.AddSingleton<ImageHandlers>();
        services.AddSingleton<ImageLinks>();
        services.AddSingleton<ViewerPage>();
        services.AddSingleton<SharedImageHandlers>();
        services.AddSingleton<DurableStatusHandlers>();
        return services;
    }
}
