namespace Minerva.Cli.CommandLine;

/// <summary>The process exit codes scripts can rely on.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Anything that is not the caller's fault: service down, server error, S3 failure.</summary>
    public const int Failure = 1;

    /// <summary>The caller's mistake: bad arguments, missing file, bad key, unknown uuid, unusable image.</summary>
    public const int UsageError = 2;

    /// <summary>Ctrl+C, as shells report SIGINT (128 + 2).</summary>
    public const int Interrupted = 130;
}
