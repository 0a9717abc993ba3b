using Minerva.Tiling.Model;

namespace Minerva.Tiling.Zarr;

/// <summary>Zarr v2 / numpy type strings: byte order, kind, size ("&lt;u2", "|u1", "&lt;f4").</summary>
public static class ZarrDtype
{
    public static string Of(PixelType type) => type switch
    {
        PixelType.UInt8 => "|u1",
        PixelType.Int8 => "|i1",
        PixelType.UInt16 => "<u2",
        PixelType.Int16 => "<i2",
        PixelType.UInt32 => "<u4",
        PixelType.Int32 => "<i4",
        PixelType.Float32 => "<f4",
        PixelType.Float64 => "<f8",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown pixel type."),
    };
}
