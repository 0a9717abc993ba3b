using Microsoft.DurableTask;
using Minerva.Tiling;

namespace Minerva.Service.Orchestration;

/// <summary>The one retry policy of the import's activities.</summary>
internal static class ActivityRetry
{
    /// <summary>
    /// Three attempts, 2 s then 4 s apart, for transient faults (S3, storage, a lost worker). Activities report bad
    /// images as results, not exceptions; should one escape anyway it is not retried: the same bytes fail the same way.
    /// The error type is compared by name because <c>TaskFailureDetails.IsCausedBy</c> cannot load types from our assemblies.
    /// </summary>
    public static readonly TaskOptions Transient = TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(2), 2)
    {
        HandleFailure = failure => failure.ErrorType != typeof(InvalidImageException).FullName,
    });
}
