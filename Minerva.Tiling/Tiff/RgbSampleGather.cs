using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Minerva.Tiling.Tiff;

/// <summary>
/// Picks one sample of interleaved 8-bit three-sample pixels (RGB, the whole-slide scanners' JPEG tiles) into a plane,
/// 16 pixels per step with SSSE3 byte shuffles: the scalar loop ran at a fraction of the JPEG decoder's own rate.
/// </summary>
internal static class RgbSampleGather
{
    private const int PixelsPerStep = 16;

    /// <summary>Shuffle masks per sample: which byte of each 16-byte third of 48 source bytes lands where (0x80: none).</summary>
    private static readonly Vector128<byte>[][] Masks = [.. Enumerable.Range(0, 3).Select(MasksOf)];

    /// <summary>destination[i] = pixels[3i + sample] for every i of destination.</summary>
    public static void Gather(ReadOnlySpan<byte> pixels, Span<byte> destination, int sample)
    {
        int i = 0;
        if (Ssse3.IsSupported)
        {
            var masks = Masks[sample];
            ref byte source = ref MemoryMarshal.GetReference(pixels);
            ref byte target = ref MemoryMarshal.GetReference(destination);
            // Whole steps only while all 48 bytes of the step lie inside the source.
            for (; i + PixelsPerStep <= destination.Length && (3 * i) + (3 * PixelsPerStep) <= pixels.Length; i += PixelsPerStep)
            {
                ref byte at = ref Unsafe.Add(ref source, 3 * i);
                var picked = Ssse3.Shuffle(Vector128.LoadUnsafe(ref at), masks[0])
                    | Ssse3.Shuffle(Vector128.LoadUnsafe(ref at, 16), masks[1])
                    | Ssse3.Shuffle(Vector128.LoadUnsafe(ref at, 32), masks[2]);
                picked.StoreUnsafe(ref target, (nuint)i);
            }
        }

        for (; i < destination.Length; i++)
        {
            destination[i] = pixels[(3 * i) + sample];
        }
    }

    private static Vector128<byte>[] MasksOf(int sample)
    {
        var masks = new Vector128<byte>[3];
        var mask = new byte[PixelsPerStep];
        for (int third = 0; third < 3; third++)
        {
            for (int j = 0; j < PixelsPerStep; j++)
            {
                int index = (3 * j) + sample - (16 * third);
                mask[j] = index is >= 0 and < 16 ? (byte)index : (byte)0x80;
            }

            masks[third] = Vector128.Create(mask);
        }

        return masks;
    }
}
