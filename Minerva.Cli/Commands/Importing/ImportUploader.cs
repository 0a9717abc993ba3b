using Amazon.S3.Model;
using Minerva.Cli.Api;
using Minerva.Cli.Output;
using Minerva.Cli.Upload;
using Spectre.Console;

namespace Minerva.Cli.Commands.Importing;

/// <summary>
/// Uploads an import's files under its key prefix, one file at a time, each in parallel parts, continuing
/// any multipart upload a previous run of the same import left unfinished.
/// </summary>
internal sealed class ImportUploader(MultipartUploader s3, UploadStateStore state, Import import, string keyPrefix, IAnsiConsole status)
{
    public async Task UploadAllAsync(IReadOnlyList<LocalFile> files, CancellationToken ct)
    {
        await ProgressDisplay.Bytes(status).StartAsync(async progress =>
        {
            foreach (var file in files)
            {
                var task = progress.AddTask(Markup.Escape($"upload {file.Name}"), maxValue: Math.Max(1, file.Size));
                await UploadAsync(file, bytes => task.Increment(bytes), ct);
                task.Value = task.MaxValue;
            }
        });
    }

    private async Task UploadAsync(LocalFile file, Action<long> progress, CancellationToken ct)
    {
        var key = keyPrefix + file.Name;
        var remembered = state.Find(file.Fingerprint);
        var pending = remembered?.Upload is { } upload && upload.ImportUuid == import.Uuid && upload.Key == key ? upload : null;
        if (pending is { Uploaded: true })
        {
            return;
        }

        var held = pending is null ? null : await s3.ListHeldPartsAsync(key, pending.UploadId, new PartPlan(file.Size, pending.PartSize), ct);
        if (pending is null || held is null)
        {
            var plan = PartPlan.For(file.Size);
            pending = new PendingUpload(import.Uuid, import.RepositoryUuid, key, await s3.StartAsync(key, file.Sha256Base64, ct), plan.PartSize, Uploaded: false);
            held = new Dictionary<int, PartETag>();
            Remember(file, pending);
        }
        else
        {
            status.MarkupLineInterpolated($"[grey]{file.Name}: resuming, {held.Count} part(s) already uploaded[/]");
        }

        var partPlan = new PartPlan(file.Size, pending.PartSize);
        progress(held.Keys.Sum(number => partPlan.Part(number).Length));
        await s3.UploadAsync(file.FullPath, key, pending.UploadId, partPlan, held, progress, ct);
        Remember(file, pending with { Uploaded = true });
    }

    private void Remember(LocalFile file, PendingUpload upload) =>
        state.Save(file.Fingerprint, new FileState(file.Size, file.Fingerprint.ModifiedUtc, file.Sha256Base64, upload));
}
