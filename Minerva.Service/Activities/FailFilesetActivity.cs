using Microsoft.DurableTask;
using Minerva.Service.Orchestration;
using Minerva.Service.Records;
using Minerva.Service.Storage;

namespace Minerva.Service.Activities;

/// <summary>Records a fileset as failed with its error; partial output is removed.</summary>
public sealed class FailFilesetActivity(IRecordStore records, IObjectStore objects) : TaskActivity<FilesetFailure, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, FilesetFailure input)
    {
        await objects.DeletePrefixAsync(ImportLayout.ZarrRoot(input.Import.Uuid, input.Fileset.Uuid));
        await FilesetRecords.UpdateAsync(records, input.Import, input.Fileset, f => f with
        {
            Status = FilesetStatus.Failed,
            Error = input.Error,
            Sha256 = input.Sha256 ?? f.Sha256,
        });
        return true;
    }
}
