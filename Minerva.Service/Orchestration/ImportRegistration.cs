using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Minerva.Service.Activities;
using Minerva.Service.Lifecycle;
using Minerva.Service.Storage;
using Minerva.Tiling.Pyramid;

namespace Minerva.Service.Orchestration;

/// <summary>Registers the import orchestration's tasks and services; used by both hosts.</summary>
public static class ImportRegistration
{
    /// <summary>The orchestrators, each named after its class (the name the orchestrators call it by).</summary>
    public static IReadOnlyList<Type> Orchestrators { get; } = [typeof(ImportOrchestrator), typeof(FilesetOrchestrator), typeof(RegionBatchOrchestrator)];

    /// <summary>The activities, each named after its class.</summary>
    public static IReadOnlyList<Type> Activities { get; } =
    [
        typeof(UpdateImportActivity),
        typeof(FindCompletedUploadActivity),
        typeof(RemoveUploadsActivity),
        typeof(ListUploadsActivity),
        typeof(InspectFileActivity),
        typeof(HashFileActivity),
        typeof(BuildRegionsActivity),
        typeof(CompleteFilesetActivity),
        typeof(FailFilesetActivity),
    ];

    /// <summary>
    /// What the activities need besides the stores (registered by <c>AddMinervaService</c>): the tiling settings,
    /// the source opener and the raw-storage policy. Both hosts call it.
    /// </summary>
    public static IServiceCollection AddImportActivities(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TilingOptions>()
            .Bind(configuration.GetSection(TilingOptions.Section))
            .Validate(o => Valid(o.ToTileOptions()) && o.ActivityBytes > 0, "Minerva:Tiling: ChunkSize must be even and within 64..8192, RegionBytes and ActivityBytes positive.")
            .ValidateOnStart();
        services.AddSingleton<SourceImages>();
        services.AddSingleton<RegionSlots>();
        services.AddSingleton<RawStoragePolicy>();
        services.AddSingleton<FilesetLifecycle>();
        return services;
    }

    /// <summary>
    /// The activities' services and <see cref="IImportWorkflow"/> over the <c>DurableTaskClient</c> registered in DI
    /// (the standalone host's). The Functions app builds a <see cref="DurableImportWorkflow"/> from its [DurableClient] binding instead.
    /// </summary>
    public static IServiceCollection AddImportWorkflow(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddImportActivities(configuration);
        services.AddSingleton<IImportWorkflow, DurableImportWorkflow>();
        return services;
    }

    private static bool Valid(TileOptions options)
    {
        try
        {
            PyramidPlanner.ValidateOptions(options);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
