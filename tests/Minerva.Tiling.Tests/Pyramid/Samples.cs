using System.Buffers.Binary;
using Minerva.Tiling.Model;

namespace Minerva.Tiling.Tests.Pyramid;

/// <summary>Reads and writes single samples of any pixel type as long (integers) or double (floats), for test oracles.</summary>
internal static class Samples
{
    public static bool IsFloat(PixelType type) => type is PixelType.Float32 or PixelType.Float64;

    public static long ReadInteger(PixelType type, ReadOnlySpan<byte> data, long index)
    {
        var at = data[(int)(index * type.SampleSize())..];
        return type switch
        {
            PixelType.UInt8 => at[0],
            PixelType.Int8 => (sbyte)at[0],
            PixelType.UInt16 => BinaryPrimitives.ReadUInt16LittleEndian(at),
            PixelType.Int16 => BinaryPrimitives.ReadInt16LittleEndian(at),
            PixelType.UInt32 => BinaryPrimitives.ReadUInt32LittleEndian(at),
            PixelType.Int32 => BinaryPrimitives.ReadInt32LittleEndian(at),
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
    }

    public static void WriteInteger(PixelType type, Span<byte> data, long index, long value)
    {
        var at = data[(int)(index * type.SampleSize())..];
        switch (type)
        {
            case PixelType.UInt8: at[0] = checked((byte)value); break;
            case PixelType.Int8: at[0] = (byte)checked((sbyte)value); break;
            case PixelType.UInt16: BinaryPrimitives.WriteUInt16LittleEndian(at, checked((ushort)value)); break;
            case PixelType.Int16: BinaryPrimitives.WriteInt16LittleEndian(at, checked((short)value)); break;
            case PixelType.UInt32: BinaryPrimitives.WriteUInt32LittleEndian(at, checked((uint)value)); break;
            case PixelType.Int32: BinaryPrimitives.WriteInt32LittleEndian(at, checked((int)value)); break;
            default: throw new ArgumentOutOfRangeException(nameof(type));
        }
    }

    public static double ReadFloat(PixelType type, ReadOnlySpan<byte> data, long index) => type == PixelType.Float32
        ? BinaryPrimitives.ReadSingleLittleEndian(data[(int)(index * 4)..])
        : BinaryPrimitives.ReadDoubleLittleEndian(data[(int)(index * 8)..]);

    public static void WriteFloat(PixelType type, Span<byte> data, long index, double value)
    {
        if (type == PixelType.Float32)
        {
            BinaryPrimitives.WriteSingleLittleEndian(data[(int)(index * 4)..], (float)value);
        }
        else
        {
            BinaryPrimitives.WriteDoubleLittleEndian(data[(int)(index * 8)..], value);
        }
    }

    /// <summary>
    /// Random plane: integers take every bit pattern (extremes included, to catch overflow); floats are finite
    /// values of mixed sign and magnitude.
    /// </summary>
    public static byte[] RandomPlane(PixelType type, long height, long width, int seed)
    {
        var random = new Random(seed);
        var plane = new byte[height * width * type.SampleSize()];
        if (!IsFloat(type))
        {
            random.NextBytes(plane);
            return plane;
        }

        for (long i = 0; i < height * width; i++)
        {
            WriteFloat(type, plane, i, (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 6)));
        }

        return plane;
    }
}
