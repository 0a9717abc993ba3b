using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Minerva.Service.Activities;
using Minerva.Service.Orchestration;
using Minerva.Service.Storage;

namespace Minerva.Functions.Orchestration;

/// <summary>The shared activities behind [ActivityTrigger]s named as the orchestrators call them.</summary>
public sealed class ImportActivityFunctions(IServiceProvider services)
{
    [Function(nameof(UpdateImportActivity))]
    public Task<bool> UpdateImport([ActivityTrigger] ImportUpdate input, FunctionContext context) =>
        Run<UpdateImportActivity, ImportUpdate, bool>(input, context);

    [Function(nameof(FindCompletedUploadActivity))]
    public Task<UploadComplete?> FindCompletedUpload([ActivityTrigger] ImportRef input, FunctionContext context) =>
        Run<FindCompletedUploadActivity, ImportRef, UploadComplete?>(input, context);

    [Function(nameof(RemoveUploadsActivity))]
    public Task<bool> RemoveUploads([ActivityTrigger] ImportRef input, FunctionContext context) =>
        Run<RemoveUploadsActivity, ImportRef, bool>(input, context);

    [Function(nameof(ListUploadsActivity))]
    public Task<UploadListing> ListUploads([ActivityTrigger] ImportRef input, FunctionContext context) =>
        Run<ListUploadsActivity, ImportRef, UploadListing>(input, context);

    [Function(nameof(InspectFileActivity))]
    public Task<FileInspection> InspectFile([ActivityTrigger] InspectRequest input, FunctionContext context) =>
        Run<InspectFileActivity, InspectRequest, FileInspection>(input, context);

    [Function(nameof(HashFileActivity))]
    public Task<string> HashFile([ActivityTrigger] FilesetRef input, FunctionContext context) =>
        Run<HashFileActivity, FilesetRef, string>(input, context);

    [Function(nameof(BuildRegionsActivity))]
    public Task<RegionOutcome> BuildRegions([ActivityTrigger] RegionRun input, FunctionContext context) =>
        Run<BuildRegionsActivity, RegionRun, RegionOutcome>(input, context);

    [Function(nameof(CompleteFilesetActivity))]
    public Task<FilesetOutcome> CompleteFileset([ActivityTrigger] FilesetCompletion input, FunctionContext context) =>
        Run<CompleteFilesetActivity, FilesetCompletion, FilesetOutcome>(input, context);

    [Function(nameof(FailFilesetActivity))]
    public Task<bool> FailFileset([ActivityTrigger] FilesetFailure input, FunctionContext context) =>
        Run<FailFilesetActivity, FilesetFailure, bool>(input, context);

    private Task<TOut> Run<TActivity, TIn, TOut>(TIn input, FunctionContext context)
        where TActivity : TaskActivity<TIn, TOut> =>
        ActivatorUtilities.CreateInstance<TActivity>(services).RunAsync(new FunctionActivityContext(typeof(TActivity).Name, context), input);
}
