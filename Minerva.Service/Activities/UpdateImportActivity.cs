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
        var import = await records.GetImportAsync(input.Import.Owner, input.Import.Uuid)
            ?? throw new InvalidOperationException($"Import {input.Import.Uuid} has no record.");

        // DELETE /import may cancel while an activity is in flight; the cancellation wins.
        if (import.Status == ImportStatus.Cancelled)
        {
            return false;
        }

        await records.PutImportAsync(import with
        {
            Status = input.Status,
            Progress = input.Progress ?? import.Progress,
            Errors = input.Errors ?? import.Errors,
            Updated = DateTimeOffset.UtcNow,
        });
        return true;
    }
}
