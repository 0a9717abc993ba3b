using Microsoft.DurableTask;
using Minerva.Service.Orchestration;
using Minerva.Service.Records;
using Minerva.Service.Storage;

namespace Minerva.Service.Activities;

/// <summary>
/// What the import received: the files uploaded under its prefix, in key order (folder markers skipped), and how
/// many files POST /files already settled as complete filesets by their hash alone (nothing of them was uploaded).
/// </summary>
public sealed class ListUploadsActivity(IObjectStore objects, IRecordStore records) : TaskActivity<ImportRef, UploadListing>
{
    public override async Task<UploadListing> RunAsync(TaskActivityContext context, ImportRef input)
    {
        var listed = await objects.ListAsync(ImportLayout.UploadPrefix(input.Uuid));
        var linked = (await records.ListFilesetsAsync(input.Uuid)).Count(f => f.SourceKey.Length == 0 && f.Status == FilesetStatus.Complete);
        return new UploadListing([.. listed.Where(o => !o.Key.EndsWith('/')).OrderBy(o => o.Key, StringComparer.Ordinal)], linked);
    }
}
