using System.Buffers.Binary;
using Minerva.Tiling.Model;

namespace Minerva.Testing.Tiff;

/// <summary>Seeded pixel data for test images; every (series, level, plane) gets its own values.</summary>
internal static class TestPixels
{
    public static int BytesPerSample(PixelType type) => type switch
    {
        PixelType.UInt8 or PixelType.Int8 => 1,
        PixelType.UInt16 or PixelType.Int16 => 2,
        PixelType.UInt32 or PixelType.Int32 or PixelType.Float32 => 4,
        _ => 8,
    };

    /// <summary>Planes indexed [series][level][TestTiffImage.PlaneKey(t, c, z)].</summary>
    public static byte[][][][] Generate(TestTiffSpec spec)
    {
        var planeCount = spec.SizeT * spec.SizeC * spec.SizeZ;
        return Enumerable.Range(0, spec.SeriesCount).Select(series =>
            Enumerable.Range(0, spec.PyramidLevels).Select(level =>
            {
                var (width, height) = spec.LevelSize(level);
                return Enumerable.Range(0, planeCount)
                    .Select(plane => Plane(spec, width, height, new Random(unchecked((spec.Seed * 1_000_003) + (series * 10_007) + (level * 101) + plane))))
                    .ToArray();
            }).ToArray()).ToArray();
    }

    private static byte[] Plane(TestTiffSpec spec, int width, int height, Random random)
    {
        var bytes = BytesPerSample(spec.PixelType);
        var plane = new byte[(long)width * height * bytes];
        if (spec.Content == TestContent.Random && spec.PixelType is not (PixelType.Float32 or PixelType.Float64))
        {
            random.NextBytes(plane);
            return plane;
        }

        var span = plane.AsSpan();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var value = spec.Content == TestContent.Random
                    ? (random.NextDouble() * 2000) - 1000
                    : (((x + y) % 200) * 0.5) + random.Next(0, 8);
                Store(span.Slice((int)(((long)y * width) + x) * bytes, bytes), spec.PixelType, value);
            }
        }

        return plane;
    }

    private static void Store(Span<byte> sample, PixelType type, double value)
    {
        switch (type)
        {
            case PixelType.UInt8:
                sample[0] = (byte)value;
                break;
            case PixelType.Int8:
                sample[0] = (byte)(sbyte)value;
                break;
            case PixelType.UInt16:
                BinaryPrimitives.WriteUInt16LittleEndian(sample, (ushort)value);
                break;
            case PixelType.Int16:
                BinaryPrimitives.WriteInt16LittleEndian(sample, (short)value);
                break;
            case PixelType.UInt32:
                BinaryPrimitives.WriteUInt32LittleEndian(sample, (uint)value);
                break;
            case PixelType.Int32:
                BinaryPrimitives.WriteInt32LittleEndian(sample, (int)value);
                break;
            case PixelType.Float32:
                BinaryPrimitives.WriteSingleLittleEndian(sample, (float)value);
                break;
            default:
                BinaryPrimitives.WriteDoubleLittleEndian(sample, value);
                break;
        }
    }
}
