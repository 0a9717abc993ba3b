using Minerva.Tiling.Model;

namespace Minerva.Tiling.Tests.Pyramid;

/// <summary>
/// The 2×2 mean written from its definition, pixel by pixel, independent of the engine's code:
/// integers floor((2·sum + n) / 2n) over the n pixels that exist; floats ((a+b)+(c+d))/n in double.
/// </summary>
internal static class ReferenceMean
{
    public static byte[] Halve(PixelType type, byte[] plane, long height, long width)
    {
        long outHeight = (height + 1) / 2, outWidth = (width + 1) / 2;
        var result = new byte[outHeight * outWidth * type.SampleSize()];
        for (long y = 0; y < outHeight; y++)
        {
            for (long x = 0; x < outWidth; x++)
            {
                var pixels = new List<long>();
                for (long dy = 0; dy < 2; dy++)
                {
                    for (long dx = 0; dx < 2; dx++)
                    {
                        if (2 * y + dy < height && 2 * x + dx < width)
                        {
                            pixels.Add(((2 * y) + dy) * width + (2 * x) + dx);
                        }
                    }
                }

                long index = y * outWidth + x;
                if (Samples.IsFloat(type))
                {
                    Samples.WriteFloat(type, result, index, FloatMean(type, plane, pixels));
                }
                else
                {
                    long sum = pixels.Sum(p => Samples.ReadInteger(type, plane, p));
                    long n = pixels.Count;
                    Samples.WriteInteger(type, result, index, (long)Math.Floor((2.0m * sum + n) / (2 * n)));
                }
            }
        }

        return result;
    }

    private static double FloatMean(PixelType type, byte[] plane, List<long> pixels)
    {
        double[] v = pixels.Select(p => Samples.ReadFloat(type, plane, p)).ToArray();
        return v.Length switch
        {
            4 => ((v[0] + v[1]) + (v[2] + v[3])) / 4,
            2 => (v[0] + v[1]) / 2,
            _ => v[0],
        };
    }
}
