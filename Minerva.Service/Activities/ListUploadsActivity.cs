using Microsoft.DurableTask;
using Minerva.Service.Orchestration;
using Minerva.Service.Storage;

namespace Minerva.Service.Activities;

/// <summary>The files uploaded under the import's prefix, in key order (folder markers skipped).</summary>
public sealed class ListUploadsActivity(IObjectStore objects) : TaskActivity<ImportRef, IReadOnlyList<StoredObject>>
{
    public override async Task<IReadOnlyList<StoredObject>> RunAsync(TaskActivityContext context, ImportRef input)
    {
        var listed = await objects.ListAsync(ImportLayout.UploadPrefix(input.Uuid));
        return [.. listed.Where(o => !o.Key.EndsWith('/')).OrderBy(o => o.Key, StringComparer.Ordinal)];
    }
}
