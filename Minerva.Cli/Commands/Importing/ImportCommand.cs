using System.Text.Json;
using Minerva.Cli.Api;
using Minerva.Cli.CommandLine;
using Minerva.Cli.Output;
using Minerva.Cli.Upload;
using Spectre.Console;

namespace Minerva.Cli.Commands.Importing;

/// <summary>
/// <c>minerva import FILE... --repository NAME</c>: repository (found or created), hash check, import, upload to S3
/// with the import's temporary credentials, upload-complete, then the import followed to its end and its images listed.
/// </summary>
internal sealed class ImportCommand(CliContext context) : ServiceCommand<ImportSettings>(context)
{
    protected override async Task<int> RunAsync(MinervaClient client, ImportSettings settings, CancellationToken ct)
    {
        var state = UploadStateStore.Open(Context.StateDirectory);
        var (repository, created) = await RepositoryLookup.FindOrCreateAsync(client, settings.Repository!, settings.RawStorage, ct);
        Notice(created ? $"created repository {repository.Name} ({repository.Uuid})" : $"repository {repository.Name} ({repository.Uuid})");

        var files = await FileHashing.HashAsync(settings.Files, state, Context.Status, ct);
        var toImport = await SkipHeldAsync(client, files, ct);
        if (toImport.Count == 0)
        {
            Notice("nothing to import: every file is already in your repositories");
            WriteJsonIf(settings, default, default);
            return ExitCodes.Success;
        }

        var import = await ResumeOrCreateImportAsync(client, settings, repository, toImport, state, ct);
        await UploadAsync(client, import, toImport, state, ct);
        await client.CompleteUploadAsync(import.Uuid, settings.OnConflict, ct);
        foreach (var file in toImport)
        {
            // The import has left AwaitingUpload: nothing of this upload can be continued any more.
            state.Save(file.Fingerprint, new FileState(file.Size, file.Fingerprint.ModifiedUtc, file.Sha256Base64, Upload: null));
        }

        Notice($"uploaded; import {import.Uuid} is processing");
        return settings.NoWait ? await ShowStartedAsync(client, settings, import, ct) : await FollowToEndAsync(client, settings, import, ct);
    }

    private async Task UploadAsync(MinervaClient client, Import import, IReadOnlyList<LocalFile> files, UploadStateStore state, CancellationToken ct)
    {
        // Fresh credentials on every run: a resumed import's earlier ones may have expired.
        var credentials = (await client.GetCredentialsAsync(import.Uuid, ct)).Value;
        using var s3 = S3ClientFactory.Create(credentials);
        var uploader = new MultipartUploader(s3, credentials.Bucket, MultipartUploader.DefaultParallelParts);
        await new ImportUploader(uploader, state, import, KeyPrefix(credentials), Context.Status).UploadAllAsync(files, ct);
    }

    private async Task<int> ShowStartedAsync(MinervaClient client, ImportSettings settings, Import import, CancellationToken ct)
    {
        var started = await client.GetImportAsync(import.Uuid, ct);
        WriteJsonIf(settings, started.Raw, default);
        if (!settings.Json)
        {
            Context.Out.WriteLine(import.Uuid);
        }

        return ExitCodes.Success;
    }

    private async Task<int> FollowToEndAsync(MinervaClient client, ImportSettings settings, Import import, CancellationToken ct)
    {
        var ended = await ImportWatcher.WaitAsync(client, import.Uuid, Context.Status, Context.PollInterval, ct);
        var filesets = await client.GetFilesetsAsync(import.Uuid, ct);
        WriteJsonIf(settings, ended.Raw, filesets.Raw);
        if (!settings.Json)
        {
            Context.Out.Write(Tables.Filesets(filesets.Value));
            ImageLinkLines.Write(Context.Out, filesets.Value);
        }

        ThrowUnlessComplete(ended.Value, filesets.Value);
        return ExitCodes.Success;
    }

    /// <summary>Files whose content one of the caller's repositories already holds are not uploaded again.</summary>
    private async Task<IReadOnlyList<LocalFile>> SkipHeldAsync(MinervaClient client, IReadOnlyList<LocalFile> files, CancellationToken ct)
    {
        var notHeld = (await client.CheckImagesAsync([.. files.Select(f => f.Sha256Base64).Distinct()], ct)).Value.ToHashSet(StringComparer.Ordinal);
        foreach (var held in files.Where(f => !notHeld.Contains(f.Sha256Base64)))
        {
            Notice($"{held.Name} skipped: your repositories already hold a file with the same content");
        }

        return [.. files.Where(f => notHeld.Contains(f.Sha256Base64))];
    }

    /// <summary>
    /// The import an interrupted run of these files left awaiting its upload (so S3 keeps its parts), else a new one.
    /// </summary>
    private async Task<Import> ResumeOrCreateImportAsync(
        MinervaClient client, ImportSettings settings, Repository repository, IReadOnlyList<LocalFile> files, UploadStateStore state, CancellationToken ct)
    {
        var earlier = files
            .Select(f => state.Find(f.Fingerprint)?.Upload)
            .OfType<PendingUpload>()
            .Where(upload => upload.RepositoryUuid == repository.Uuid)
            .Select(upload => upload.ImportUuid)
            .Distinct();
        foreach (var importUuid in earlier)
        {
            var import = await TryGetImportAsync(client, importUuid, ct);
            if (import?.Status == ImportStatus.AwaitingUpload)
            {
                Notice($"continuing import {import.Uuid}");
                return import;
            }
        }

        var name = settings.Name ?? (files.Count == 1 ? files[0].Name : $"{files[0].Name} and {files.Count - 1} more");
        var created = (await client.CreateImportAsync(new NewImport(name, repository.Uuid), ct)).Value;
        Notice($"created import {created.Uuid}");
        return created;
    }

    private static async Task<Import?> TryGetImportAsync(MinervaClient client, string importUuid, CancellationToken ct)
    {
        try
        {
            return (await client.GetImportAsync(importUuid, ct)).Value;
        }
        catch (MinervaApiException exception) when (exception.IsCallerError)
        {
            // Gone or no longer ours: the files start a new import.
            return null;
        }
    }

    private static string KeyPrefix(UploadCredentials credentials) =>
        credentials.KeyPrefix.Length == 0 || credentials.KeyPrefix.EndsWith('/') ? credentials.KeyPrefix : credentials.KeyPrefix + "/";

    private static void ThrowUnlessComplete(Import import, IReadOnlyList<Fileset> filesets)
    {
        var failed = filesets.Where(f => !f.Complete).ToList();
        if (import.Status == ImportStatus.Complete && failed.Count == 0)
        {
            return;
        }

        // A fileset's error is a sentence that names its file; the import's errors repeat them.
        var reasons = failed.Select(f => f.Error ?? $"{f.Name}: {f.Status}").Concat(import.Errors ?? []);
        var because = string.Join("; ", reasons.Distinct());
        var message = $"import {import.Uuid} ended {import.Status}, {failed.Count} of {filesets.Count} file(s) not imported"
            + (because.Length > 0 ? $" ({because})" : "");
        throw new ImportEndedException(message, isCallerError: failed.Any(f => f.Error is not null));
    }

    private void WriteJsonIf(ImportSettings settings, JsonElement import, JsonElement filesets)
    {
        if (settings.Json)
        {
            var result = new Dictionary<string, JsonElement?>
            {
                ["import"] = import.ValueKind == JsonValueKind.Undefined ? null : import,
                ["filesets"] = filesets.ValueKind == JsonValueKind.Undefined ? JsonSerializer.SerializeToElement(Array.Empty<object>()) : filesets,
            };
            Context.Out.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(result, ApiJson.Indented));
        }
    }

    private void Notice(string message) => Context.Status.MarkupLineInterpolated($"[grey]{message}[/]");
}
