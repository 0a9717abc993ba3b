namespace Minerva.Service.Storage;

/// <summary>A byte range starts beyond the end of the object.</summary>
public sealed class RangeNotSatisfiableException(string key, long from)
    : Exception($"The range starting at byte {from} lies beyond the end of '{key}'.");
