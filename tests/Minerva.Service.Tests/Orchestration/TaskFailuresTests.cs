using Microsoft.DurableTask;
using Minerva.Service.Orchestration;
using Xunit;

namespace Minerva.Service.Tests.Orchestration;

public sealed class TaskFailuresTests
{
    [Fact]
    public void Reason_SubOrchestrationFailedByAnActivity_IsTheActivitysMessageAlone()
    {
        // What a batch orchestration reports when its region activity failed for good, as the engine words it.
        var failure = new TaskFailureDetails(
            typeof(TaskFailedException).FullName!,
            "Task 'BuildRegionsActivity' (#386) failed with an unhandled exception: Connection refused (127.0.0.1:41553)",
            null,
            null,
            null);

        string reason = TaskFailures.Reason(new TaskFailedException(nameof(RegionBatchOrchestrator), 7, failure));

        Assert.Equal("Connection refused (127.0.0.1:41553)", reason);
    }

    [Fact]
    public void Reason_InnerFailures_IsTheInnermostMessage()
    {
        var inner = new TaskFailureDetails("System.IO.IOException", "The disk is full.", null, null, null);
        var failure = new TaskFailureDetails("System.AggregateException", "One or more errors occurred.", null, inner, null);

        Assert.Equal("The disk is full.", TaskFailures.Reason(new TaskFailedException("HashFileActivity", 1, failure)));
    }
}
