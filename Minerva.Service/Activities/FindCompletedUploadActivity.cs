using Microsoft.DurableTask;
using Minerva.Service.Orchestration;
using Minerva.Service.Records;
using Minerva.Service.Storage;

namespace Minerva.Service.Activities;

/// <summary>
/// The upload's completion as the import's record holds it, or null while the import still awaits its upload. PUT
/// complete writes the record before it raises the upload-complete event, and the task hub drops an event that
/// reaches an orchestration before its first turn was saved (Azure Storage defers a start message whose instance row
/// it cannot see yet, and an event arriving meanwhile finds "no such instance"). The orchestration reads this once
/// its first turn is saved: a completion raised before then is in the record, one raised after reaches it.
/// </summary>
public sealed class FindCompletedUploadActivity(IRecordStore records) : TaskActivity<ImportRef, UploadComplete?>
{
    public override async Task<UploadComplete?> RunAsync(TaskActivityContext context, ImportRef input)
    {
        var import = await records.GetImportAsync(input.Owner, input.Uuid);
        return import is { Status: ImportStatus.Processing } ? new UploadComplete(import.OnConflict) : null;
    }
}
