using Amazon.Runtime;
using Minerva.Cli.Api;
using Minerva.Cli.Commands.Importing;
using Spectre.Console.Cli;

namespace Minerva.Cli.CommandLine;

/// <summary>
/// The one place an exception becomes what the user sees: a single readable line and an exit code
/// (2 for the caller's mistakes, 1 for everything else). No stack trace ever reaches the terminal.
/// </summary>
internal sealed record FailureReport(int ExitCode, string Message)
{
    public static FailureReport From(Exception exception) => exception switch
    {
        CommandAppException or UsageException => new(ExitCodes.UsageError, exception.Message),
        MinervaApiException api => new(api.IsCallerError ? ExitCodes.UsageError : ExitCodes.Failure, api.Detail),
        ImportEndedException ended => new(ended.IsCallerError ? ExitCodes.UsageError : ExitCodes.Failure, ended.Message),
        OperationCanceledException => new(ExitCodes.Interrupted, "interrupted; run the same command again to resume the upload"),
        AmazonServiceException s3 => new(ExitCodes.Failure, $"S3 refused the upload ({s3.ErrorCode ?? s3.StatusCode.ToString()}): {s3.Message}"),
        _ => new(ExitCodes.Failure, exception.Message),
    };

    /// <summary>The line as written to stderr: prefixed with the program name, folded onto one line.</summary>
    public string Line => "minerva: " + string.Join(' ', Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
