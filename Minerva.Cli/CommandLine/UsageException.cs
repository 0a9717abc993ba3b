namespace Minerva.Cli.CommandLine;

/// <summary>The caller's mistake found before any request (bad argument, missing file); exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
