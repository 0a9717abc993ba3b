namespace Minerva.Tiling.Model;

/// <summary>Facts about each <see cref="PixelType"/>.</summary>
public static class PixelTypeExtensions
{
    /// <summary>Bytes per sample.</summary>
    public static int SampleSize(this PixelType type) => type switch
    {
        PixelType.UInt8 or PixelType.Int8 => 1,
        PixelType.UInt16 or PixelType.Int16 => 2,
        PixelType.UInt32 or PixelType.Int32 or PixelType.Float32 => 4,
        PixelType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown pixel type."),
    };
}
