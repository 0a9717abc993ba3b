using Microsoft.DurableTask;
using Minerva.Service.Activities;
using Minerva.Service.Records;
using Minerva.Service.Storage;
using Minerva.Tiling.Pyramid;

namespace Minerva.Service.Orchestration;

/// <summary>
/// One import (instance id = import uuid): wait for the upload, scan and dedup every file, build each new file's
/// pyramids in its own sub-orchestration, then settle the import's status. Deterministic: no clock, no I/O, no
/// configuration; everything outside goes through activities.
/// </summary>
public sealed class ImportOrchestrator : TaskOrchestrator<ImportInput, ImportOutcome>
{
    public override async Task<ImportOutcome> RunAsync(TaskOrchestrationContext context, ImportInput input)
    {
        var import = input.Import;
        context.SetCustomStatus(new ImportCustomStatus(nameof(ImportStatus.AwaitingUpload), ImportProgress.None));
        UploadComplete upload;
        try
        {
            upload = await context.WaitForExternalEvent<UploadComplete>(UploadComplete.EventName, input.UploadTimeout);
        }
        catch (TaskCanceledException)
        {
            // Uploads go first: once the record says Expired, nothing of the import is left.
            await context.CallActivityAsync(nameof(RemoveUploadsActivity), import, ActivityRetry.Transient);
            await context.CallActivityAsync(nameof(UpdateImportActivity), new ImportUpdate(import, ImportStatus.Expired, null, null), ActivityRetry.Transient);
            context.SetCustomStatus(new ImportCustomStatus(nameof(ImportStatus.Expired), ImportProgress.None));
            return new ImportOutcome(ImportStatus.Expired, []);
        }

        context.SetCustomStatus(new ImportCustomStatus("Scanning", ImportProgress.None));
        await context.CallActivityAsync(nameof(UpdateImportActivity), new ImportUpdate(import, ImportStatus.Processing, null, null), ActivityRetry.Transient);
        var files = await context.CallActivityAsync<IReadOnlyList<StoredObject>>(nameof(ListUploadsActivity), import, ActivityRetry.Transient);
        var filesets = files
            .Select(f => new FilesetRef(context.NewGuid().ToString(), ImportLayout.FileName(import.Uuid, f.Key), f.Key))
            .ToList();
        var scans = await Task.WhenAll(filesets.Select(f =>
            context.CallActivityAsync<FileScan>(nameof(ScanFileActivity), new ScanRequest(import, f, upload.OnConflict), ActivityRetry.Transient)));

        var builds = Builds(context, input, upload.OnConflict, filesets, scans);
        long regionsTotal = builds.Count == 0 ? 0 : builds[0].ImportRegions.Sum(r => r.Regions);
        int filesDone = filesets.Count - builds.Count;
        var progress = new ImportProgress(filesets.Count, filesDone, regionsTotal, 0);
        context.SetCustomStatus(new ImportCustomStatus("Building", progress));
        await context.CallActivityAsync(nameof(UpdateImportActivity), new ImportUpdate(import, ImportStatus.Processing, progress, null), ActivityRetry.Transient);

        var outcomes = await Task.WhenAll(builds.Select((b, i) => BuildFilesetAsync(context, b, i)));

        var errors = scans.Select((s, i) => s.Error is null ? null : $"{filesets[i].Name}: {s.Error}")
            .Concat(outcomes.Select((o, i) => o.Error is null ? null : $"{builds[i].Fileset.Name}: {o.Error}"))
            .OfType<string>()
            .ToList();
        if (filesets.Count == 0)
        {
            errors.Add($"No files were uploaded under {ImportLayout.UploadPrefix(import.Uuid)}.");
        }

        // One good file is enough for Complete: failed filesets carry their own error and are listed in the import's errors.
        bool anyComplete = scans.Any(s => s.Error is null && s.LinkedImages.Count > 0) || outcomes.Any(o => o.Error is null);
        var status = anyComplete ? ImportStatus.Complete : ImportStatus.Failed;
        var final = new ImportProgress(filesets.Count, filesets.Count, regionsTotal, regionsTotal);
        await context.CallActivityAsync(nameof(UpdateImportActivity), new ImportUpdate(import, status, final, errors), ActivityRetry.Transient);
        context.SetCustomStatus(new ImportCustomStatus(status.ToString(), final));
        return new ImportOutcome(status, errors);
    }

    /// <summary>The files that scanned as new images, each with one image uuid per series and its region count.</summary>
    private static List<FilesetBuild> Builds(
        TaskOrchestrationContext context, ImportInput input, OnConflict onConflict, List<FilesetRef> filesets, FileScan[] scans)
    {
        var toBuild = filesets.Zip(scans).Where(p => p.Second.Error is null && p.Second.LinkedImages.Count == 0).ToList();

        // Planning is a pure function of (series, options), so the orchestrator may call it; activities recompute the same plan.
        var regions = toBuild
            .Select(p => new FilesetRegions(p.First.Uuid, p.Second.Series.Sum(s => (long)PyramidPlanner.Plan(s, input.Tiling).RegionCount)))
            .ToList();
        return toBuild
            .Select(p => new FilesetBuild(
                input.Import,
                p.First,
                p.Second.Sha256!,
                p.Second.Series,
                p.Second.Series.Select(_ => context.NewGuid().ToString()).ToList(),
                input.Tiling,
                onConflict,
                regions))
            .ToList();
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
            string error = $"building its pyramid failed: {e.FailureDetails.ErrorMessage}";
            await context.CallActivityAsync(nameof(FailFilesetActivity), new FilesetFailure(build.Import, build.Fileset, build.Sha256, error), ActivityRetry.Transient);
            return new FilesetOutcome([], error);
        }
    }
}
