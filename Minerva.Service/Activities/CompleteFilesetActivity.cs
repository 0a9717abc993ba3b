using Microsoft.DurableTask;
using Minerva.Service.Lifecycle;
using Minerva.Service.Orchestration;
using Minerva.Service.Storage;

namespace Minerva.Service.Activities;

/// <summary>Finishes a built file (<see cref="FilesetLifecycle.CompleteAsync"/>): metadata, records, dedup, raw-storage policy.</summary>
public sealed class CompleteFilesetActivity(SourceImages sources, FilesetLifecycle filesets) : TaskActivity<FilesetCompletion, FilesetOutcome>
{
    public override async Task<FilesetOutcome> RunAsync(TaskActivityContext context, FilesetCompletion input)
    {
        // The source is opened only when needed: a retry after completion may find the upload already destroyed.
        return await filesets.CompleteAsync(input, async () => (await sources.GetAsync(input.Fileset)).Info);
    }
}
