namespace Minerva.Cli.Commands.Importing;

/// <summary>
/// The import ran but did not end Complete with every file imported. <see cref="IsCallerError"/> when files
/// were unusable as images (the service failed their filesets): that is the caller's input, exit code 2.
/// </summary>
internal sealed class ImportEndedException(string message, bool isCallerError) : Exception(message)
{
    public bool IsCallerError { get; } = isCallerError;
}
