using System.Runtime.InteropServices;
using Minerva.Tiling.Tiff.Compression;

namespace Minerva.Tiling.Tests.Tiff.Compression;

public sealed class PredictorTests
{
    [Fact]
    public void HorizontalUndo_UInt16TwoSamplesPerPixel_AddsSameSampleOfLeftPixel()
    {
        // Two rows of 3 pixels × 2 samples, stored as differences; the sum wraps like the encoder's.
        ushort[] samples = [10, 20, 1, 2, 65535, 3, 7, 8, 1, 1, 1, 1];
        var bytes = MemoryMarshal.AsBytes(samples.AsSpan());

        HorizontalPredictor.Undo(bytes, rowBytes: 12, bytesPerSample: 2, samplesPerPixel: 2);

        Assert.Equal(new ushort[] { 10, 20, 11, 22, 10, 25, 7, 8, 8, 9, 9, 10 }, samples);
    }

    [Fact]
    public void FloatingPointUndo_OneRow_RestoresLittleEndianFloats()
    {
        float[] values = [1.5f, -2.25f, 1e-3f];
        var row = new byte[12];
        var raw = MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
        // Encode as the predictor does: byte planes most significant first, then byte differences.
        for (var i = 0; i < values.Length; i++)
        {
            for (var b = 0; b < 4; b++)
            {
                row[(b * values.Length) + i] = raw[(i * 4) + (3 - b)];
            }
        }

        for (var i = row.Length - 1; i > 0; i--)
        {
            row[i] -= row[i - 1];
        }

        FloatingPointPredictor.Undo(row, rowBytes: 12, bytesPerSample: 4, samplesPerPixel: 1);

        Assert.Equal(values, MemoryMarshal.Cast<byte, float>(row).ToArray());
    }
}
