using Microsoft.DurableTask;
using Minerva.Service.Activities;
using Minerva.Service.Records;
using Minerva.Service.Storage;

namespace Minerva.Service.Orchestration;

/// <summary>
/// One import (instance id = import uuid): wait for the upload, then build every uploaded file in its own
/// sub-orchestration (which inspects, hashes, dedups and tiles it), then settle the import's status. Deterministic:
/// no clock, no I/O, no configuration; everything outside goes through activities.
/// </summary>
public sealed class ImportOrchestrator : TaskOrchestrator<ImportInput, ImportOutcome>
{
    public override async Task<ImportOutcome> RunAsync(TaskOrchestrationContext context, ImportInput input)
    {
        var import = input.Import;
        context.SetCustomStatus(new ImportCustomStatus(nameof(ImportStatus.AwaitingUpload), 0, 0));
        UploadComplete? upload = input.Completed
            ?? await context.CallActivityAsync<UploadComplete?>(nameof(FindCompletedUploadActivity), import, ActivityRetry.Transient);
        if (upload is null)
        {
            try
            {
                upload = await context.WaitForExternalEvent<UploadComplete>(UploadComplete.EventName, input.UploadTimeout);
            }
            catch (TaskCanceledException)
            {
                // Uploads go first: once the record says Expired, nothing of the import is left.
                await context.CallActivityAsync(nameof(RemoveUploadsActivity), import, ActivityRetry.Transient);
                await context.CallActivityAsync(nameof(UpdateImportActivity), new ImportUpdate(import, ImportStatus.Expired, null, null), ActivityRetry.Transient);
                context.SetCustomStatus(new ImportCustomStatus(nameof(ImportStatus.Expired), 0, 0));
                return new ImportOutcome(ImportStatus.Expired, []);
            }
        }

        try
        {
            return await ProcessAsync(context, input, upload);
        }
        catch (TaskFailedException e)
        {
            // Storage failed even after the retries: the import ends Failed with the reason, never stuck in Processing.
            string error = $"The import stopped: {TaskFailures.Reason(e)}";
            await context.CallActivityAsync(nameof(UpdateImportActivity), new ImportUpdate(import, ImportStatus.Failed, null, [error]), ActivityRetry.Transient);
            context.SetCustomStatus(new ImportCustomStatus(nameof(ImportStatus.Failed), 0, 0));
            return new ImportOutcome(ImportStatus.Failed, [error]);
        }
    }

    /// <summary>Lists the uploads, builds every file in its own sub-orchestration, and records how the import ended.</summary>
    private static async Task<ImportOutcome> ProcessAsync(TaskOrchestrationContext context, ImportInput input, UploadComplete upload)
    {
        // PUT complete already moved the record to Processing; the update below adds the file count.
        var import = input.Import;
        var uploads = await context.CallActivityAsync<UploadListing>(nameof(ListUploadsActivity), import, ActivityRetry.Transient);
        var filesets = uploads.Files
            .Select(f => new FilesetRef(context.NewGuid().ToString(), ImportLayout.FileName(import.Uuid, f.Key), f.Key, f.ETag))
            .ToList();
        int filesTotal = filesets.Count + uploads.LinkedAtUpload, filesDone = uploads.LinkedAtUpload;
        context.SetCustomStatus(new ImportCustomStatus("Building", filesTotal, filesDone));
        await context.CallActivityAsync(
            nameof(UpdateImportActivity),
            new ImportUpdate(import, ImportStatus.Processing, ImportProgress.None with { FilesTotal = filesTotal, FilesDone = filesDone }, null),
            ActivityRetry.Transient);

        var outcomes = await Task.WhenAll(filesets.Select(async (fileset, i) =>
        {
            var outcome = await BuildFilesetAsync(context, new FilesetBuild(import, fileset, input.Tiling, upload.OnConflict, input.ActivityBytes), i);
            context.SetCustomStatus(new ImportCustomStatus("Building", filesTotal, ++filesDone));
            return outcome;
        }));

        // Every fileset error names its file first ("name: …"), as the engine's errors do.
        var errors = outcomes.Select(o => o.Error).OfType<string>().ToList();
        if (filesTotal == 0)
        {
            errors.Add($"No files were uploaded under {ImportLayout.UploadPrefix(import.Uuid)}.");
        }

        // One good file is enough for Complete: failed filesets carry their own error and are listed in the import's errors.
        var status = uploads.LinkedAtUpload > 0 || outcomes.Any(o => o.Error is null) ? ImportStatus.Complete : ImportStatus.Failed;
        var final = LiveProgress.Of(filesTotal, filesTotal, LiveProgress.ByLevels(outcomes.SelectMany(o => o.Built ?? [])));
        await context.CallActivityAsync(nameof(UpdateImportActivity), new ImportUpdate(import, status, final, errors), ActivityRetry.Transient);
        context.SetCustomStatus(new ImportCustomStatus(status.ToString(), filesTotal, filesTotal));
        return new ImportOutcome(status, errors);
    }

    private static async Task<FilesetOutcome> BuildFilesetAsync(TaskOrchestrationContext context, FilesetBuild build, int index)
    {
        try
        {
            return await context.CallSubOrchestratorAsync<FilesetOutcome>(
                nameof(FilesetOrchestrator),
                build,
                new TaskOptions().WithInstanceId(ImportLayout.FilesetInstanceId(build.Import.Uuid, index)));
        }
        catch (TaskFailedException e)
        {
            // The sub-orchestration records its own failures; this is the last resort when even that failed.
            string error = $"{build.Fileset.Name}: its pyramid could not be built: {TaskFailures.Reason(e)}";
            await FilesetOrchestrator.RecordFailureAsync(context, new FilesetFailure(build.Import, build.Fileset, null, error));
            return new FilesetOutcome([], error);
        }
    }
}
