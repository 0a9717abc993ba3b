using Microsoft.DurableTask;
using Minerva.Service.Lifecycle;
using Minerva.Service.Orchestration;

namespace Minerva.Service.Activities;

/// <summary>Records a fileset as failed with its error; its partial output is removed (<see cref="FilesetLifecycle.FailAsync"/>).</summary>
public sealed class FailFilesetActivity(FilesetLifecycle filesets) : TaskActivity<FilesetFailure, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, FilesetFailure input)
    {
        await filesets.FailAsync(input.Import, input.Fileset, input.Error, input.Sha256);
        return true;
    }
}
