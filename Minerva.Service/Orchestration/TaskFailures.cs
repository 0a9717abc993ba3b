using System.Text.RegularExpressions;
using Microsoft.DurableTask;

namespace Minerva.Service.Orchestration;

/// <summary>Why a task failed, in the words an import's errors show a person.</summary>
internal static partial class TaskFailures
{
    /// <summary>
    /// The innermost failure's message, without the "Task 'X' (#N) failed with an unhandled exception: " that each
    /// orchestration level wraps around it (a region's "Connection refused" reached the import three levels up).
    /// </summary>
    public static string Reason(TaskFailedException e)
    {
        var failure = e.FailureDetails;
        while (failure.InnerFailure is { } inner)
        {
            failure = inner;
        }

        return EngineWrapping().Replace(failure.ErrorMessage, "");
    }

    [GeneratedRegex(@"^(Task '[^']*' \(#\d+\) failed with an unhandled exception: )+")]
    private static partial Regex EngineWrapping();
}
