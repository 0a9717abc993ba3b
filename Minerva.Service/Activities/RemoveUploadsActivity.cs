using Microsoft.DurableTask;
using Minerva.Service.Orchestration;
using Minerva.Service.Storage;

namespace Minerva.Service.Activities;

/// <summary>
/// An expired import: closes its upload prefix to its credentials (what still lands there is swept once they have
/// expired) and removes everything uploaded under it, pending multipart uploads included.
/// </summary>
public sealed class RemoveUploadsActivity(IObjectStore objects, UploadSeal seal) : TaskActivity<ImportRef, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, ImportRef input)
    {
        string prefix = ImportLayout.UploadPrefix(input.Uuid);
        await seal.CloseAsync(prefix, sweep: true);
        await objects.DeletePrefixAsync(prefix);
        return true;
    }
}
