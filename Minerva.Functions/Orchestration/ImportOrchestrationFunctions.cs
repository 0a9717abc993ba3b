using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Minerva.Service.Orchestration;

namespace Minerva.Functions.Orchestration;

/// <summary>The shared orchestrators behind [OrchestrationTrigger]s named as the core schedules them.</summary>
public static class ImportOrchestrationFunctions
{
    [Function(nameof(ImportOrchestrator))]
    public static Task<ImportOutcome> Import([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new ImportOrchestrator().RunAsync(context, context.GetInput<ImportInput>()!);

    [Function(nameof(FilesetOrchestrator))]
    public static Task<FilesetOutcome> Fileset([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new FilesetOrchestrator().RunAsync(context, context.GetInput<FilesetBuild>()!);

    [Function(nameof(RegionBatchOrchestrator))]
    public static Task<BatchOutcome> RegionBatch([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new RegionBatchOrchestrator().RunAsync(context, context.GetInput<RegionBatch>()!);
}
