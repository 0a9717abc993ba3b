using Microsoft.DurableTask;
using Minerva.Tiling;

namespace Minerva.Service.Orchestration;

/// <summary>The one retry policy of the import's activities.</summary>
internal static class ActivityRetry
{
    /// <summary>
    /// Five attempts, 2, 4, 8 and 16 s apart, for transient faults (S3, storage, a lost worker): an object store that
    /// is away for up to half a minute — a restart of a Ceph gateway took 5–12 s on two busy cores — costs an import
    /// time, not its files; one that stays away fails the import after about that long. Activities report bad images as
    /// results, not exceptions; should one escape anyway it is not retried: the same bytes fail the same way.
    /// The error type is compared by name because <c>TaskFailureDetails.IsCausedBy</c> cannot load types from our assemblies.
    /// </summary>
    public static readonly TaskOptions Transient = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(2), 2)
    {
        HandleFailure = failure => failure.ErrorType != typeof(InvalidImageException).FullName,
    });
}
