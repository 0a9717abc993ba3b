namespace Minerva.Cli.Tile;

/// <summary>The caller asked for something impossible (missing input, existing output, no such series): exit 2.</summary>
internal sealed class TileUsageException(string message) : Exception(message);
