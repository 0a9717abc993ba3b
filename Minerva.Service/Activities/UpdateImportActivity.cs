using Microsoft.DurableTask;
using Minerva.Service.Orchestration;
using Minerva.Service.Records;
using Minerva.Service.Storage;

namespace Minerva.Service.Activities;

/// <summary>Sets the import record's status (and progress, errors). A cancelled import stays cancelled.</summary>
public sealed class UpdateImportActivity(IRecordStore records) : TaskActivity<ImportUpdate, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, ImportUpdate input)
    {
        // DELETE /import may cancel while an activity is in flight; one conditional write makes the cancellation win.
        var change = await records.ChangeImportAsync(input.Import.Owner, input.Import.Uuid, import => import.Status == ImportStatus.Cancelled ? null : import with
        {
            Status = input.Status,
            Progress = input.Progress ?? import.Progress,
            Errors = input.Errors ?? import.Errors,
            Updated = DateTimeOffset.UtcNow,
        }) ?? throw new InvalidOperationException($"Import {input.Import.Uuid} has no record.");
        return change.Changed;
    }
}
