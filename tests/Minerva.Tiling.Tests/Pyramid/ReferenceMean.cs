using Minerva.Tiling.Model;

namespace Minerva.Tiling.Tests.Pyramid;

/// <summary>
/// The 2×2 mean written from its definition, pixel by pixel, independent of the engine's code:
/// integers floor((2·sum + n) / 2n) (floor division, also below zero) over the n pixels that exist; floats ((a+b)+(c+d))/n in double.
/// </summary>
internal static class ReferenceMean
{
    public static byte[] Halve(PixelType type, byte[] plane, long height, long width)
    {
        long outHeight = (height + 1) / 2, outWidth = (width + 1) / 2;
        var result = new byte[outHeight * outWidth * type.SampleSize()];
        Span<long> pixels = stackalloc long[4];
        for (long y = 0; y < outHeight; y++)
        {
            for (long x = 0; x < outWidth; x++)
            {
                int n = 0;
                for (long dy = 0; dy < 2; dy++)
                {
                    for (long dx = 0; dx < 2; dx++)
                    {
                        if (2 * y + dy < height && 2 * x + dx < width)
                        {
                            pixels[n++] = ((2 * y) + dy) * width + (2 * x) + dx;
                        }
                    }
                }

                long index = y * outWidth + x;
                if (Samples.IsFloat(type))
                {
                    Samples.WriteFloat(type, result, index, FloatMean(type, plane, pixels[..n]));
                }
                else
                {
                    long sum = 0;
                    foreach (long p in pixels[..n])
                    {
                        sum += Samples.ReadInteger(type, plane, p);
                    }

                    Samples.WriteInteger(type, result, index, Math.DivRem((2 * sum) + n, 2L * n) is var (q, r) && r < 0 ? q - 1 : q);
                }
            }
        }

        return result;
    }

    private static double FloatMean(PixelType type, byte[] plane, ReadOnlySpan<long> pixels)
    {
        Span<double> v = stackalloc double[pixels.Length];
        for (int i = 0; i < pixels.Length; i++)
        {
            v[i] = Samples.ReadFloat(type, plane, pixels[i]);
        }

        return v.Length switch
        {
            4 => ((v[0] + v[1]) + (v[2] + v[3])) / 4,
            2 => (v[0] + v[1]) / 2,
            _ => v[0],
        };
    }
}
