using Microsoft.DurableTask;
using Minerva.Service.Orchestration;
using Minerva.Service.Storage;

namespace Minerva.Service.Activities;

/// <summary>Removes everything uploaded under the import's prefix (and pending multipart uploads): an expired import.</summary>
public sealed class RemoveUploadsActivity(IObjectStore objects) : TaskActivity<ImportRef, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, ImportRef input)
    {
        await objects.DeletePrefixAsync(ImportLayout.UploadPrefix(input.Uuid));
        return true;
    }
}
