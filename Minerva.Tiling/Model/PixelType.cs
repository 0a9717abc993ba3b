namespace Minerva.Tiling.Model;

/// <summary>Sample types the engine reads and writes; output keeps the source's type at every level.</summary>
public enum PixelType
{
    UInt8,
    Int8,
    UInt16,
    Int16,
    UInt32,
    Int32,
    Float32,
    Float64,
}
