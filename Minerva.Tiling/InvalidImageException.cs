namespace Minerva.Tiling;

/// <summary>
/// The input is not a usable image (not a TIFF, truncated, unsupported codec, planes missing...).
/// The message is one sentence naming the file and what is wrong; it is shown to users as is.
/// Callers never retry it: the same bytes fail the same way.
/// </summary>
public sealed class InvalidImageException(string message, Exception? inner = null) : Exception(message, inner);
